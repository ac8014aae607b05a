using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace ContestSite.Core.Audit;

/// <summary>
/// The hash chain of the audit log: how an entry's hash is made and how a chain is checked. An entry's id is
/// its sequence number (1, 2, 3 … with no gaps). Its hash is an HMAC over the previous hash and its content
/// with a key kept outside the database, so someone who can only write to the database cannot rewrite an
/// entry and recompute the chain after it. Entries written before keys existed carry a plain SHA-256.
/// </summary>
public static class AuditChain
{
    /// <summary>The "previous hash" of the very first entry.</summary>
    public const string GenesisHash = "0000000000000000000000000000000000000000000000000000000000000000";

    /// <summary>The unkeyed hash of entries written before keyed hashing (<see cref="AuditEntry.KeyId"/> null).</summary>
    public static string ComputeHash(AuditEntry entry) =>
        Convert.ToHexStringLower(SHA256.HashData(Canonical(entry)));

    /// <summary>The keyed hash: HMAC-SHA256 with the chain key named by <see cref="AuditEntry.KeyId"/>.</summary>
    public static string ComputeHash(AuditEntry entry, ReadOnlySpan<byte> key)
    {
        if (entry.KeyId is null) throw new ArgumentException("A keyed hash needs the entry's key id.", nameof(entry));
        return Convert.ToHexStringLower(HMACSHA256.HashData(key, Canonical(entry)));
    }

    private static byte[] Canonical(AuditEntry entry)
    {
        // Fields are joined with a unit separator and length-prefixed so that moving text from one
        // field to the next never yields the same bytes.
        var builder = new StringBuilder();
        void Add(string? value)
        {
            value ??= "\u2400";
            builder.Append(value.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(value).Append('\u001f');
        }
        Add(entry.Id.ToString(CultureInfo.InvariantCulture));
        Add(entry.At.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ss.fffffffZ", CultureInfo.InvariantCulture));
        Add(entry.ActorId);
        Add(entry.ActorName);
        Add(entry.Action);
        Add(entry.Subject);
        Add(entry.Outcome);
        Add(entry.Detail);
        Add(entry.IpAddress);
        Add(entry.PreviousHash);
        // Added later: only entries that carry them hash them, so entries written before still verify.
        if (entry.TeamId is not null || entry.DatasetId is not null || entry.KeyId is not null)
        {
            Add(entry.TeamId?.ToString(CultureInfo.InvariantCulture));
            Add(entry.DatasetId?.ToString("D"));
        }
        if (entry.KeyId is not null) Add(entry.KeyId);
        return Encoding.UTF8.GetBytes(builder.ToString());
    }

    /// <summary>
    /// Walks entries in id order and returns the first one that breaks the chain: a gap in the sequence, a
    /// link to the wrong previous hash, content that does not match its hash, an unknown key, or an unkeyed
    /// entry after a keyed one (an unkeyed hash can be forged by anyone; once keys are in use none may follow).
    /// </summary>
    public static AuditChainBreak? FindFirstBreak(IEnumerable<AuditEntry> entriesInIdOrder, Func<string, byte[]?>? keys = null,
        AuditChainPosition? after = null)
    {
        var position = after ?? AuditChainPosition.Start;
        foreach (var entry in entriesInIdOrder)
        {
            if (FindBreak(entry, position, keys) is { } broken) return broken;
            position = new AuditChainPosition(entry.Id, entry.Hash, position.Keyed || entry.KeyId is not null);
        }
        return null;
    }

    /// <summary>Checks one entry against the one before it.</summary>
    public static AuditChainBreak? FindBreak(AuditEntry entry, AuditChainPosition previous, Func<string, byte[]?>? keys)
    {
        if (entry.Id != previous.Id + 1)
            return previous.Id == 0
                ? new AuditChainBreak(entry.Id, "第一条记录的序号不是 1（可能有记录被删除）") { Kind = AuditChainBreakKind.FirstNotGenesis }
                : new AuditChainBreak(entry.Id, $"序号不连续：第 {previous.Id} 条之后是第 {entry.Id} 条（其间的记录被删除）")
                { Kind = AuditChainBreakKind.SequenceGap, PreviousId = previous.Id };
        if (entry.PreviousHash != previous.Hash)
            return previous.Id == 0
                ? new AuditChainBreak(entry.Id, "第一条记录的前序哈希不是创世哈希（可能有记录被删除）") { Kind = AuditChainBreakKind.FirstNotGenesis }
                : new AuditChainBreak(entry.Id, $"前序哈希与第 {previous.Id} 条记录不符（其间可能有记录被删除或插入）")
                { Kind = AuditChainBreakKind.LinkBroken, PreviousId = previous.Id };
        if (entry.KeyId is null && previous.Keyed)
            return new AuditChainBreak(entry.Id, "该记录没有密钥签名，却出现在已签名的记录之后（伪造的记录）") { Kind = AuditChainBreakKind.Unsigned };
        return HashHolds(entry, keys) switch
        {
            true => null,
            false => new AuditChainBreak(entry.Id, "记录内容与其哈希不符（记录被修改过）") { Kind = AuditChainBreakKind.ContentChanged },
            null => new AuditChainBreak(entry.Id, $"找不到该记录的链密钥 {entry.KeyId}，无法校验") { Kind = AuditChainBreakKind.KeyUnknown, KeyId = entry.KeyId },
        };
    }

    /// <summary>Whether the entry's content still gives its hash (keyed or, for old entries, plain); null when its key is unknown.</summary>
    public static bool? HashHolds(AuditEntry entry, Func<string, byte[]?>? keys)
    {
        if (entry.KeyId is null) return ComputeHash(entry) == entry.Hash;
        if (keys?.Invoke(entry.KeyId) is not { } key) return null;
        return FixedTimeEquals(ComputeHash(entry, key), entry.Hash);
    }

    private static bool FixedTimeEquals(string a, string b) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(a), Encoding.ASCII.GetBytes(b));
}

/// <summary>Where a walk of the chain stands: the last entry checked, and whether keyed entries have begun.</summary>
public sealed record AuditChainPosition(long Id, string Hash, bool Keyed)
{
    public static AuditChainPosition Start { get; } = new(0, AuditChain.GenesisHash, false);
}

/// <summary>Where the chain breaks and why; <see cref="Kind"/> and <see cref="PreviousId"/> let a page say it in the reader's language.</summary>
public sealed record AuditChainBreak(long EntryId, string Reason)
{
    public AuditChainBreakKind Kind { get; init; }
    /// <summary>For <see cref="AuditChainBreakKind.LinkBroken"/> and <see cref="AuditChainBreakKind.SequenceGap"/>: the entry before.</summary>
    public long PreviousId { get; init; }
    /// <summary>For <see cref="AuditChainBreakKind.KeyUnknown"/>: the key asked for.</summary>
    public string? KeyId { get; init; }
}

public enum AuditChainBreakKind
{
    /// <summary>The first entry is not entry 1 or does not start from the genesis hash: entries before it were deleted.</summary>
    FirstNotGenesis,
    /// <summary>The entry does not point to the one before: entries between were deleted or inserted.</summary>
    LinkBroken,
    /// <summary>The entry's content no longer matches its hash: it was edited.</summary>
    ContentChanged,
    /// <summary>A sequence number is missing: entries between were deleted.</summary>
    SequenceGap,
    /// <summary>An unkeyed entry after keyed ones: written by someone without the key.</summary>
    Unsigned,
    /// <summary>The entry names a chain key this site does not have.</summary>
    KeyUnknown,
    /// <summary>The newest entries are missing: the anchor outside the database has seen a longer chain.</summary>
    TailMissing,
    /// <summary>An entry differs from what the anchor outside the database recorded for it.</summary>
    AnchorMismatch,
}
