using ContestSite.Core.Rules;

namespace ContestSite.Web.Files;

/// <summary>The verdict on a zip: safe to keep, or the message saying why not.</summary>
public sealed record ZipInspection(RuleResult? Reason, long EntryCount, long TotalUncompressedBytes)
{
    public bool IsSafe => Reason is null;

    /// <summary>The refusal in Chinese; users get <see cref="Reason"/> translated.</summary>
    public string? Refusal => Reason?.ChineseText;
}

/// <summary>
/// Checks a zip without extracting it. First the central directory alone, before any data is read: entry
/// count, names, total size and ratio as declared; "..", absolute, link, encrypted and duplicate entries
/// refused. Then each entry: its local header (and data descriptor) must agree with the directory, and its
/// data is decompressed (to nowhere) and must give exactly the declared size and CRC-32, stopping one
/// buffer past a lie. Last, no byte of the file may lie outside the entries, the directory and its end
/// records. Archives inside it (lib.jar, data.zip) are decompressed to a temporary file and checked the
/// same way, against the same totals.
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
        var entries = ZipCentralDirectory.ReadEntries(zip, end)
            .Select(entry => (Entry: entry, ShownName: ZipEntryRules.Shown(shownPrefix + entry.Name))).ToList();
        var refusal = RefusalFromDirectory(entries, totals);
        if (refusal is not null) return refusal;
        // Entry by entry in one forward sweep over the file: the local header (and descriptor) against the
        // directory, then the data. Decompression is bounded by the declared sizes the directory pass accepted.
        var spans = new List<ZipEntrySpan>(entries.Count);
        foreach (var (entry, shownName) in entries)
        {
            cancellationToken.ThrowIfCancellationRequested();
            (refusal, var span) = ZipLocalHeaders.Check(zip, entry, shownName, end.DirectoryOffset);
            refusal ??= RefusalFromContent(zip, entry, span.DataStart, shownName, depth, totals, cancellationToken);
            if (refusal is not null) return refusal;
            spans.Add(span);
        }
        return ZipLayout.IsFullyAccounted(zip, spans, end)
            ? null
            : RuleResult.Refuse("压缩包中有不属于任何文件的数据，疑似伪造或拼接的压缩包，请重新打包");
    }

    /// <summary>Everything the directory alone can tell, before a byte of data is read.</summary>
    private RuleResult? RefusalFromDirectory(List<(ZipEntryRecord Entry, string ShownName)> entries, Totals totals)
    {
        long archiveCompressed = 0, archiveUncompressed = 0;
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (entry, shownName) in entries)
        {
            totals.Entries++;
            totals.UncompressedBytes += entry.UncompressedSize;
            archiveCompressed += entry.CompressedSize;
            archiveUncompressed += entry.UncompressedSize;
            var refusal = ZipNames.RefusalFor(entry, shownName)
                ?? ZipEntryRules.RefusalFor(entry, shownName, limits)
                ?? RefusalForDuplicate(entry, shownName, seen)
                ?? RefusalForTotal(totals);
            if (refusal is not null) return refusal;
        }
        if (archiveUncompressed >= limits.RatioCheckMinimumBytes && ZipEntryRules.Exceeds(archiveUncompressed, archiveCompressed, limits.MaxCompressionRatio))
        {
            return RuleResult.Refuse("压缩包整体压缩比超过 {0}:1（{1} 解压后为 {2}），疑似压缩炸弹",
                limits.MaxCompressionRatio, ByteSizeText.Words(archiveCompressed), ByteSizeText.Words(archiveUncompressed));
        }
        return null;
    }

    /// <summary>Two entries that extract to the same file: which one wins depends on the extractor, and the checks saw both.</summary>
    private static RuleResult? RefusalForDuplicate(ZipEntryRecord entry, string shownName, HashSet<string> seen)
    {
        var keys = entry.AllNames.Select(ZipNames.SameFileKey).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (keys.Any(seen.Contains)) return RuleResult.Refuse("压缩包中有重名的文件“{0}”（不区分大小写），不允许", shownName);
        seen.UnionWith(keys);
        return null;
    }

    private RuleResult? RefusalForTotal(Totals totals) =>
        totals.UncompressedBytes > limits.MaxTotalUncompressedBytes
            ? RuleResult.Refuse("压缩包解压后超过 {0}，疑似压缩炸弹", ByteSizeText.Words(limits.MaxTotalUncompressedBytes))
            : null;

    /// <summary>Decompresses one entry: exactly its declared size and CRC-32, and a nested archive is inspected in turn.</summary>
    private RuleResult? RefusalFromContent(Stream zip, ZipEntryRecord entry, long dataStart, string shownName, int depth, Totals totals, CancellationToken cancellationToken)
    {
        var nested = ZipEntryRules.LooksLikeArchive(entry.Name) && entry.UncompressedSize > 0;
        if (nested && depth >= limits.MaxNestingDepth) return RuleResult.Refuse("压缩包嵌套超过 {0} 层（“{1}”），请解开后重新打包", limits.MaxNestingDepth, shownName);
        using var content = ZipEntryContent.Open(zip, entry, dataStart);
        if (!nested) return Verified(ZipEntryContent.CopyCounted(content, Stream.Null, entry.UncompressedSize, cancellationToken), entry, shownName);

        using var inner = new FileStream(Path.Combine(temporaryFolder, Guid.NewGuid().ToString("N") + ".nested"), FileMode.CreateNew,
            FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.DeleteOnClose);
        var refusal = Verified(ZipEntryContent.CopyCounted(content, inner, entry.UncompressedSize, cancellationToken), entry, shownName);
        if (refusal is not null) return refusal;
        inner.Position = 0;
        var head = new byte[4];
        inner.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        // A file named .jar that is not a zip is just a file; only real archives are opened.
        if (ContentSniffer.Sniff(head) != DetectedFileType.Zip) return null;
        return InspectArchive(inner, shownName + "/", depth + 1, totals, cancellationToken);
    }

    private static RuleResult? Verified((long Count, uint Crc32) actual, ZipEntryRecord entry, string shownName)
    {
        if (actual.Count != entry.UncompressedSize) return RuleResult.Refuse("压缩包中的“{0}”实际大小与目录记录不符，疑似伪造的压缩包", shownName);
        return actual.Crc32 == entry.Crc32 ? null : RuleResult.Refuse("压缩包中的“{0}”CRC 校验不符，文件已损坏或被改动，请重新打包", shownName);
    }

    private sealed class Totals
    {
        public long Entries { get; set; }
        public long UncompressedBytes { get; set; }
    }
}
