using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace ContestSite.Core.Audit;

/// <summary>The hash chain of the audit log: how an entry's hash is made and how a chain is checked.</summary>
public static class AuditChain
{
    /// <summary>The "previous hash" of the very first entry.</summary>
    public const string GenesisHash = "0000000000000000000000000000000000000000000000000000000000000000";

    public static string ComputeHash(AuditEntry entry)
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
        if (entry.TeamId is not null || entry.DatasetId is not null)
        {
            Add(entry.TeamId?.ToString(CultureInfo.InvariantCulture));
            Add(entry.DatasetId?.ToString("D"));
        }
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(builder.ToString())));
    }

    /// <summary>Walks entries in id order and returns the first one whose link or hash is wrong.</summary>
    public static AuditChainBreak? FindFirstBreak(IEnumerable<AuditEntry> entriesInIdOrder, string expectedPreviousHash = GenesisHash, long previousId = 0)
    {
        foreach (var entry in entriesInIdOrder)
        {
            if (entry.PreviousHash != expectedPreviousHash)
                return previousId == 0
                    ? new AuditChainBreak(entry.Id, "第一条记录的前序哈希不是创世哈希（可能有记录被删除）") { Kind = AuditChainBreakKind.FirstNotGenesis }
                    : new AuditChainBreak(entry.Id, $"前序哈希与第 {previousId} 条记录不符（其间可能有记录被删除或插入）")
                    { Kind = AuditChainBreakKind.LinkBroken, PreviousId = previousId };
            if (ComputeHash(entry) != entry.Hash)
                return new AuditChainBreak(entry.Id, "记录内容与其哈希不符（记录被修改过）") { Kind = AuditChainBreakKind.ContentChanged };
            expectedPreviousHash = entry.Hash;
            previousId = entry.Id;
        }
        return null;
    }
}

/// <summary>Where the chain breaks and why; <see cref="Kind"/> and <see cref="PreviousId"/> let a page say it in the reader's language.</summary>
public sealed record AuditChainBreak(long EntryId, string Reason)
{
    public AuditChainBreakKind Kind { get; init; }
    /// <summary>For <see cref="AuditChainBreakKind.LinkBroken"/>: the entry the link should have pointed to.</summary>
    public long PreviousId { get; init; }
}

public enum AuditChainBreakKind
{
    /// <summary>The first entry does not start from the genesis hash: entries before it were deleted.</summary>
    FirstNotGenesis,
    /// <summary>The entry does not point to the one before: entries between were deleted or inserted.</summary>
    LinkBroken,
    /// <summary>The entry's content no longer matches its hash: it was edited.</summary>
    ContentChanged,
}
