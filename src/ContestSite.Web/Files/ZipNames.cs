using System.Text;
using ContestSite.Core.Rules;

namespace ContestSite.Web.Files;

/// <summary>
/// How entry names are read and which names are refused: names that cannot be decoded as their flag
/// says, control characters (a NUL cuts a name short, ESC and CSI drive terminals), and the invisible
/// marks that reverse how a name reads ("invoice‮fdp.exe" shows as "invoiceexe.pdf").
/// </summary>
internal static class ZipNames
{
    public const ushort Utf8Flag = 0x0800;
    private static readonly Encoding StrictUtf8 = new UTF8Encoding(false, throwOnInvalidBytes: true);

    /// <summary>
    /// UTF-8 when flagged or valid, otherwise Latin-1. Either way every ASCII byte stays itself, so "/", "\"
    /// and "." are seen exactly where any extractor with an ASCII-compatible code page sees them.
    /// Invalid is true when the name is flagged UTF-8 but is not.
    /// </summary>
    public static (string Name, bool Invalid) Decode(ReadOnlySpan<byte> name, ushort flags)
    {
        if (TryUtf8(name, out var decoded)) return (decoded, false);
        return (flags & Utf8Flag) != 0 ? (Encoding.UTF8.GetString(name), true) : (Encoding.Latin1.GetString(name), false);
    }

    /// <summary>The name of an Info-ZIP Unicode path field, which is always UTF-8.</summary>
    public static (string Name, bool Invalid) DecodeUtf8(ReadOnlySpan<byte> name) =>
        TryUtf8(name, out var decoded) ? (decoded, false) : (Encoding.UTF8.GetString(name), true);

    public static RuleResult? RefusalFor(ZipEntryRecord entry, string shownName)
    {
        if (entry.HasInvalidName) return RuleResult.Refuse("压缩包中的“{0}”名称不是有效的 UTF-8 编码，请重新打包", shownName);
        foreach (var name in entry.AllNames)
        {
            if (name.Any(char.IsControl)) return RuleResult.Refuse("压缩包中的“{0}”名称含有控制字符，不允许", shownName);
            if (name.Any(IsBidiControl)) return RuleResult.Refuse("压缩包中的“{0}”名称含有改变文字方向的不可见字符，不允许", shownName);
        }
        return null;
    }

    /// <summary>
    /// Names that land on the same file when extracted on Windows or macOS: separators as "/", no trailing
    /// "/", composed form, and compared without case (use with <see cref="StringComparer.OrdinalIgnoreCase"/>).
    /// </summary>
    public static string SameFileKey(string name)
    {
        var separated = name.Replace('\\', '/').TrimEnd('/');
        return separated.IsNormalized(NormalizationForm.FormC) ? separated : separated.Normalize(NormalizationForm.FormC);
    }

    /// <summary>Embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069) and the direction marks (LRM, RLM, ALM).</summary>
    private static bool IsBidiControl(char c) => c is (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069') or '\u200E' or '\u200F' or '\u061C';

    private static bool TryUtf8(ReadOnlySpan<byte> bytes, out string decoded)
    {
        try
        {
            decoded = StrictUtf8.GetString(bytes);
            return true;
        }
        catch (DecoderFallbackException)
        {
            decoded = "";
            return false;
        }
    }
}
