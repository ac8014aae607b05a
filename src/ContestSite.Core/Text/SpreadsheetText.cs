namespace ContestSite.Core.Text;

/// <summary>
/// Text put into CSV or Excel cells: a cell that begins with = + - @ (or a tab or carriage return) would be
/// run as a formula by spreadsheet programs, so it gets a leading single quote and stays plain text.
/// </summary>
public static class SpreadsheetText
{
    public static string Neutralise(string? value)
    {
        if (string.IsNullOrEmpty(value)) return "";
        return value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + value : value;
    }

    /// <summary>One CSV field (RFC 4180): neutralised, and quoted when it holds a comma, quote or line break.</summary>
    public static string CsvField(string? value)
    {
        var text = Neutralise(value);
        return text.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
    }
}
