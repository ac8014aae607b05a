using ContestSite.Core.Rules;
using ContestSite.Web.Storage;

namespace ContestSite.Web.Files;

/// <summary>The rules one entry must pass from its directory record alone (its name's characters: <see cref="ZipNames"/>).</summary>
internal static class ZipEntryRules
{
    private const int MaxShownNameLength = 120;

    public static RuleResult? RefusalFor(ZipEntryRecord entry, string shownName, ZipLimits limits)
    {
        if (entry.IsEncrypted) return RuleResult.Refuse("压缩包中的“{0}”已加密，无法检查；请去掉密码后重新打包", shownName);
        foreach (var name in entry.AllNames)
        {
            if (IsAbsolute(name)) return RuleResult.Refuse("压缩包中的“{0}”是绝对路径，不允许", shownName);
            if (name.Split('/', '\\').Contains("..")) return RuleResult.Refuse("压缩包中的“{0}”含有“..”路径，不允许", shownName);
        }
        if (entry.IsSymbolicLink) return RuleResult.Refuse("压缩包中的“{0}”是符号链接，不允许", shownName);
        if (!entry.HasSupportedMethod) return RuleResult.Refuse("无法检查压缩包中的“{0}”：压缩方式不受支持，请用标准 ZIP（Deflate）重新打包", shownName);
        if (entry.UncompressedSize >= limits.RatioCheckMinimumBytes && Exceeds(entry.UncompressedSize, entry.CompressedSize, limits.MaxCompressionRatio))
        {
            return RuleResult.Refuse("压缩包中的“{0}”压缩比超过 {1}:1（{2} 解压后为 {3}），疑似压缩炸弹",
                shownName, limits.MaxCompressionRatio, ByteSizeText.Words(entry.CompressedSize), ByteSizeText.Words(entry.UncompressedSize));
        }
        return null;
    }

    public static bool Exceeds(long uncompressed, long compressed, int maxRatio) => compressed == 0 ? uncompressed > 0 : uncompressed > compressed * maxRatio;

    /// <summary>A name fit for a message: no invisible characters, bounded length.</summary>
    public static string Shown(string name)
    {
        var visible = FileNames.RemoveInvisible(name);
        return visible.Length <= MaxShownNameLength ? visible : visible[..MaxShownNameLength] + "…";
    }

    // "/etc/x", "\\server\share\x", "C:\x" and "C:x" all escape the folder an extractor meant to use.
    private static bool IsAbsolute(string name) =>
        name.StartsWith('/') || name.StartsWith('\\') || (name.Length >= 2 && char.IsAsciiLetter(name[0]) && name[1] == ':');

    public static bool LooksLikeArchive(string name) =>
        new[] { ".zip", ".jar", ".war", ".ear", ".aar", ".apk", ".nupkg", ".whl" }.Any(extension => name.EndsWith(extension, StringComparison.OrdinalIgnoreCase));
}
