namespace ContestSite.Web.Submissions.Files;

/// <summary>The rules one entry must pass from its directory record alone.</summary>
internal static class ZipEntryRules
{
    private const int MaxShownNameLength = 120;

    public static string? RefusalFor(ZipEntryRecord entry, string shownName, ZipLimits limits)
    {
        if (entry.IsEncrypted) return $"压缩包中的“{shownName}”已加密，无法检查；请去掉密码后重新打包";
        foreach (var name in entry.AllNames)
        {
            if (name.Any(char.IsControl)) return $"压缩包中的“{shownName}”名称含有控制字符，不允许";
            if (IsAbsolute(name)) return $"压缩包中的“{shownName}”是绝对路径，不允许";
            if (name.Split('/', '\\').Contains("..")) return $"压缩包中的“{shownName}”含有“..”路径，不允许";
        }
        if (entry.IsSymbolicLink) return $"压缩包中的“{shownName}”是符号链接，不允许";
        if (entry.UncompressedSize >= limits.RatioCheckMinimumBytes && Exceeds(entry.UncompressedSize, entry.CompressedSize, limits.MaxCompressionRatio))
        {
            return $"压缩包中的“{shownName}”压缩比超过 {limits.MaxCompressionRatio}:1（{ByteSizeText.Format(entry.CompressedSize)} 解压后为 {ByteSizeText.Format(entry.UncompressedSize)}），疑似压缩炸弹";
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
