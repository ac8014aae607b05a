using System.Globalization;
using System.Text;

namespace ContestSite.Web.Storage;

/// <summary>
/// Turns a name sent by a browser into one that is safe to show and to offer in a download. Names are
/// never used as storage paths (storage is by content hash); this is about what people see.
/// </summary>
public static class FileNames
{
    public const int DefaultMaxLength = 100;
    public const string Fallback = "未命名文件";

    private const int MaxExtensionLength = 16;
    private static readonly char[] WindowsForbidden = ['<', '>', ':', '"', '|', '?', '*'];
    private static readonly string[] WindowsReservedStems =
        ["CON", "PRN", "AUX", "NUL", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9", "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9"];

    public static string Clean(string? name, int maxLength = DefaultMaxLength)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, MaxExtensionLength + 4);
        var visible = RemoveInvisible((name ?? "").Normalize(NormalizationForm.FormC));
        var leaf = visible[(visible.LastIndexOfAny(['/', '\\']) + 1)..];
        var replaced = string.Concat(leaf.Select(c => WindowsForbidden.Contains(c) ? '_' : c));
        // Leading dots hide files and spell "..": trailing dots and spaces are dropped by Windows on save.
        var trimmed = replaced.Trim().Trim('.').Trim();
        if (trimmed.Length == 0) return Fallback;
        return Bound(AvoidReservedName(trimmed), maxLength);
    }

    /// <summary>Drops control, format (bidi overrides such as U+202E, zero-width), separator and unpaired surrogate characters.</summary>
    internal static string RemoveInvisible(string name)
    {
        var builder = new StringBuilder(name.Length);
        foreach (var rune in name.EnumerateRunes())
        {
            var category = Rune.GetUnicodeCategory(rune);
            if (category is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.LineSeparator
                or UnicodeCategory.ParagraphSeparator or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned) continue;
            // Unpaired surrogates enumerate as U+FFFD; a real U+FFFD means nothing in a name either.
            if (rune == Rune.ReplacementChar) continue;
            builder.Append(rune.ToString());
        }
        return builder.ToString();
    }

    private static string AvoidReservedName(string name)
    {
        var dot = name.IndexOf('.');
        var stem = dot < 0 ? name : name[..dot];
        return WindowsReservedStems.Contains(stem.TrimEnd(), StringComparer.OrdinalIgnoreCase) ? "_" + name : name;
    }

    /// <summary>Keeps the extension and cuts the stem on a whole character (never half of a surrogate pair or of a combined glyph).</summary>
    private static string Bound(string name, int maxLength)
    {
        if (name.Length <= maxLength) return name;
        var extension = Path.GetExtension(name);
        if (extension.Length > MaxExtensionLength || extension.Contains(' ')) extension = "";
        var stem = name[..^extension.Length];
        var budget = maxLength - extension.Length;
        var cut = 0;
        var elements = StringInfo.GetTextElementEnumerator(stem);
        while (elements.MoveNext())
        {
            var next = elements.ElementIndex + elements.GetTextElement().Length;
            if (next > budget) break;
            cut = next;
        }
        var boundedStem = stem[..cut].TrimEnd().TrimEnd('.');
        return boundedStem.Length == 0 ? Fallback + extension : boundedStem + extension;
    }
}
