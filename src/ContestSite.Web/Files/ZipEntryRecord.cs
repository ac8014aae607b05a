namespace ContestSite.Web.Files;

/// <summary>One entry as the central directory of a zip describes it; nothing here has been decompressed.</summary>
internal sealed record ZipEntryRecord(
    byte[] NameBytes,
    string Name,
    byte[]? UnicodePathField,
    string? UnicodePathName,
    bool HasInvalidName,
    int HostSystem,
    ushort Flags,
    ushort Method,
    uint Crc32,
    long CompressedSize,
    long UncompressedSize,
    uint ExternalAttributes,
    long LocalHeaderOffset)
{
    public const ushort Stored = 0;
    public const ushort Deflated = 8;
    private const ushort EncryptedFlag = 0x0001;
    private const ushort AesMethod = 99;
    private const uint UnixFileTypeMask = 0xF000;
    private const uint UnixSymbolicLink = 0xA000;

    public bool IsEncrypted => (Flags & EncryptedFlag) != 0 || Method == AesMethod;

    /// <summary>Every entry is decompressed to be counted and checked, so only methods this reader inflates are accepted.</summary>
    public bool HasSupportedMethod => Method is Stored or Deflated;

    /// <summary>
    /// Unix tools keep the file mode in the high 16 bits of the external attributes. The host byte is
    /// not trusted: a link mode is refused whichever system claims to have made the entry.
    /// </summary>
    public bool IsSymbolicLink => ((ExternalAttributes >> 16) & UnixFileTypeMask) == UnixSymbolicLink;

    /// <summary>Extractors may use either name: the Info-ZIP Unicode path field wins in some of them.</summary>
    public IEnumerable<string> AllNames => UnicodePathName is null ? [Name] : [Name, UnicodePathName];
}

/// <summary>The zip is not one this reader can trust: truncated, inconsistent or multi-volume.</summary>
internal sealed class MalformedZipException(string reason) : Exception(reason);
