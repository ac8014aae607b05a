using System.Text;

namespace ContestSite.Web.Files;

/// <summary>
/// Recognises HTML and SVG by their first element, after a BOM, whitespace, an XML prolog, comments
/// and a doctype. Both can run script when a browser opens them, so they are refused whatever the name.
/// </summary>
internal static class MarkupSniffer
{
    private static readonly string[] HtmlElements =
        ["html", "head", "body", "script", "iframe", "meta", "title", "style", "link", "div", "a", "img", "form", "object", "embed", "p", "table", "h1", "br", "b", "font"];

    public static DetectedFileType Sniff(ReadOnlySpan<byte> head)
    {
        var text = Decode(head);
        if (text is null) return DetectedFileType.Unknown;
        var position = 0;
        while (true)
        {
            position = SkipWhitespace(text, position);
            if (position >= text.Length || text[position] != '<') return DetectedFileType.Unknown;
            var rest = text.AsSpan(position);
            if (rest.StartsWith("<?"))
            {
                position = SkipPast(text, position, "?>");
            }
            else if (rest.StartsWith("<!--"))
            {
                position = SkipPast(text, position, "-->");
            }
            else if (rest.StartsWith("<!doctype", StringComparison.OrdinalIgnoreCase))
            {
                var doctype = text.AsSpan(position + 9).TrimStart();
                if (doctype.StartsWith("svg", StringComparison.OrdinalIgnoreCase)) return DetectedFileType.Svg;
                if (doctype.StartsWith("html", StringComparison.OrdinalIgnoreCase)) return DetectedFileType.Html;
                position = SkipPast(text, position, ">");
            }
            else
            {
                return ClassifyElement(text, position);
            }
            if (position < 0) return ContainsSvgOrScript(text);
        }
    }

    private static DetectedFileType ClassifyElement(string text, int position)
    {
        var end = position + 1;
        while (end < text.Length && (char.IsAsciiLetterOrDigit(text[end]) || text[end] is ':' or '-')) end++;
        var name = text[(position + 1)..end].ToLowerInvariant();
        var local = name.Contains(':') ? name[(name.IndexOf(':') + 1)..] : name;
        if (local == "svg") return DetectedFileType.Svg;
        if (HtmlElements.Contains(local)) return DetectedFileType.Html;
        return ContainsSvgOrScript(text);
    }

    // Markup whose first element is unfamiliar can still carry an <svg> or a <script> further on.
    private static DetectedFileType ContainsSvgOrScript(string text)
    {
        if (text.Contains("<svg", StringComparison.OrdinalIgnoreCase)) return DetectedFileType.Svg;
        if (text.Contains("<script", StringComparison.OrdinalIgnoreCase)) return DetectedFileType.Html;
        return DetectedFileType.Unknown;
    }

    private static string? Decode(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) return Encoding.UTF8.GetString(head[3..]);
        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE])) return Encoding.Unicode.GetString(head[2..]);
        if (head.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF])) return Encoding.BigEndianUnicode.GetString(head[2..]);
        if (head.Length >= 2 && head[0] == (byte)'<' && head[1] == 0) return Encoding.Unicode.GetString(head);
        if (head.Length >= 2 && head[0] == 0 && head[1] == (byte)'<') return Encoding.BigEndianUnicode.GetString(head);
        var firstVisible = head.IndexOfAnyExcept(" \t\r\n\f"u8);
        return firstVisible >= 0 && head[firstVisible] == (byte)'<' ? Encoding.UTF8.GetString(head) : null;
    }

    private static int SkipWhitespace(string text, int position)
    {
        while (position < text.Length && (char.IsWhiteSpace(text[position]) || text[position] == '\uFEFF')) position++;
        return position;
    }

    private static int SkipPast(string text, int position, string terminator)
    {
        var found = text.IndexOf(terminator, position, StringComparison.Ordinal);
        return found < 0 ? -1 : found + terminator.Length;
    }
}
