namespace ContestSite.Core.Text;

/// <summary>What people type, as it is stored and shown.</summary>
public static class UserText
{
    /// <summary>
    /// Trimmed, line breaks as \n, control characters other than line breaks and tabs removed (they have no business
    /// in a public page or a mail); null when nothing is left.
    /// </summary>
    public static string? Clean(string? text)
    {
        if (text is null) return null;
        var kept = new System.Text.StringBuilder(text.Length);
        foreach (var c in text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n'))
            if (c is '\n' or '\t' || !char.IsControl(c)) kept.Append(c);
        var cleaned = kept.ToString().Trim();
        return cleaned.Length == 0 ? null : cleaned;
    }

    /// <summary>One line: <see cref="Clean"/> with line breaks and tabs turned into spaces.</summary>
    public static string? CleanLine(string? text) => Clean(text?.Replace('\n', ' ').Replace('\r', ' ').Replace('\t', ' '));
}
