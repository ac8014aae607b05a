using ContestSite.Core.Teams;

namespace ContestSite.Web.Submissions.Files;

/// <summary>The verdict on a zip: safe to keep, or the message saying why not.</summary>
public sealed record ZipInspection(RuleResult? Reason, long EntryCount, long TotalUncompressedBytes)
{
    public bool IsSafe => Reason is null;

    /// <summary>The refusal in Chinese; users get <see cref="Reason"/> translated.</summary>
    public string? Refusal => Reason?.ChineseText;
}

/// <summary>
/// Checks a zip from its central directory without extracting it: entry count, total size and ratio
/// bounded; "..", absolute, link and encrypted entries refused. Archives inside it (lib.jar, data.zip)
/// are decompressed to a temporary file and checked the same way, against the same totals, so a
/// nested bomb is caught too.
/// </summary>
public sealed class ZipInspector(ZipLimits limits, string temporaryFolder)
{
    private static readonly RuleResult Malformed = RuleResult.Refuse("压缩包已损坏或格式不受支持，请重新打包为标准 ZIP");

    /// <summary>Inspects a seekable stream (the uploaded temporary file).</summary>
    public ZipInspection Inspect(Stream zip, CancellationToken cancellationToken = default)
    {
        if (!zip.CanSeek) throw new ArgumentException("zip inspection needs a seekable stream", nameof(zip));
        var totals = new Totals();
        try
        {
            var refusal = InspectArchive(zip, "", 0, totals, cancellationToken);
            return new ZipInspection(refusal, totals.Entries, totals.UncompressedBytes);
        }
        catch (Exception exception) when (exception is MalformedZipException or InvalidDataException or EndOfStreamException)
        {
            return new ZipInspection(Malformed, totals.Entries, totals.UncompressedBytes);
        }
    }

    private RuleResult? InspectArchive(Stream zip, string shownPrefix, int depth, Totals totals, CancellationToken cancellationToken)
    {
        var end = ZipCentralDirectory.ReadEnd(zip);
        if (totals.Entries + end.EntryCount > limits.MaxEntries) return RuleResult.Refuse("压缩包中的文件超过 {0} 个", limits.MaxEntries);
        long archiveCompressed = 0, archiveUncompressed = 0;
        foreach (var entry in ZipCentralDirectory.ReadEntries(zip, end))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var shownName = ZipEntryRules.Shown(shownPrefix + entry.Name);
            totals.Entries++;
            totals.UncompressedBytes += entry.UncompressedSize;
            archiveCompressed += entry.CompressedSize;
            archiveUncompressed += entry.UncompressedSize;
            var refusal = ZipEntryRules.RefusalFor(entry, shownName, limits)
                ?? RefusalForTotal(totals)
                ?? LookInside(zip, entry, shownName, depth, totals, cancellationToken);
            if (refusal is not null) return refusal;
        }
        if (archiveUncompressed >= limits.RatioCheckMinimumBytes && ZipEntryRules.Exceeds(archiveUncompressed, archiveCompressed, limits.MaxCompressionRatio))
        {
            return RuleResult.Refuse("压缩包整体压缩比超过 {0}:1（{1} 解压后为 {2}），疑似压缩炸弹",
                limits.MaxCompressionRatio, ByteSizeText.Words(archiveCompressed), ByteSizeText.Words(archiveUncompressed));
        }
        return null;
    }

    private RuleResult? RefusalForTotal(Totals totals) =>
        totals.UncompressedBytes > limits.MaxTotalUncompressedBytes
            ? RuleResult.Refuse("压缩包解压后超过 {0}，疑似压缩炸弹", ByteSizeText.Words(limits.MaxTotalUncompressedBytes))
            : null;

    /// <summary>Only nested archives and, when configured, size verification ever decompress anything.</summary>
    private RuleResult? LookInside(Stream zip, ZipEntryRecord entry, string shownName, int depth, Totals totals, CancellationToken cancellationToken)
    {
        var nested = ZipEntryRules.LooksLikeArchive(entry.Name) && entry.UncompressedSize > 0;
        if (!nested && !limits.VerifySizesByDecompressing) return null;
        if (nested && depth >= limits.MaxNestingDepth) return RuleResult.Refuse("压缩包嵌套超过 {0} 层（“{1}”），请解开后重新打包", limits.MaxNestingDepth, shownName);
        using var content = ZipEntryContent.Open(zip, entry);
        if (content is null) return RuleResult.Refuse("无法检查压缩包中的“{0}”：压缩方式不受支持，请用标准 ZIP（Deflate）重新打包", shownName);
        if (!nested) return DeclaredSizeHolds(ZipEntryContent.CopyAtMost(content, Stream.Null, entry.UncompressedSize, cancellationToken), entry, shownName);

        using var inner = new FileStream(Path.Combine(temporaryFolder, Guid.NewGuid().ToString("N") + ".nested"), FileMode.CreateNew,
            FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.DeleteOnClose);
        var sizeRefusal = DeclaredSizeHolds(ZipEntryContent.CopyAtMost(content, inner, entry.UncompressedSize, cancellationToken), entry, shownName);
        if (sizeRefusal is not null) return sizeRefusal;
        inner.Position = 0;
        var head = new byte[4];
        inner.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        // A file named .jar that is not a zip is just a file; only real archives are opened.
        if (ContentSniffer.Sniff(head) != DetectedFileType.Zip) return null;
        return InspectArchive(inner, shownName + "/", depth + 1, totals, cancellationToken);
    }

    private static RuleResult? DeclaredSizeHolds(long actualBytes, ZipEntryRecord entry, string shownName) =>
        actualBytes == entry.UncompressedSize ? null : RuleResult.Refuse("压缩包中的“{0}”实际大小与目录记录不符，疑似伪造的压缩包", shownName);

    private sealed class Totals
    {
        public long Entries { get; set; }
        public long UncompressedBytes { get; set; }
    }
}
