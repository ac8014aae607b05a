using ContestSite.Core.Audit;
using ContestSite.Data;
using Microsoft.EntityFrameworkCore;

namespace ContestSite.Web.Audit;

/// <summary>What a check found: how many entries held, the first break, and how far the anchor had recorded.</summary>
public sealed record AuditVerification(long EntriesChecked, AuditChainBreak? FirstBreak, long AnchoredUpTo);

/// <summary>
/// Reads the whole chain in pages, oldest first, checking each entry against the one before (sequence, link,
/// keyed hash) and against the anchor kept outside the database; the anchor also shows a deleted tail.
/// </summary>
public sealed class AuditVerifier(ContestDbContext db, AuditChainKeys keys, AuditAnchor anchor)
{
    private const int PageSize = 2000;

    /// <param name="progress">Told the number of entries checked after every page.</param>
    public async Task<AuditVerification> VerifyAsync(Func<long, Task>? progress = null, CancellationToken cancellationToken = default)
    {
        using var anchors = anchor.ReadAll().GetEnumerator();
        var pendingAnchor = anchors.MoveNext() ? anchors.Current : null;
        long newestAnchored = 0;
        long checkedCount = 0;
        var position = AuditChainPosition.Start;
        while (true)
        {
            var page = await db.AuditEntries.AsNoTracking().Where(e => e.Id > position.Id).OrderBy(e => e.Id)
                .Take(PageSize).ToListAsync(cancellationToken);
            foreach (var entry in page)
            {
                var broken = AuditChain.FindBreak(entry, position, keys.Find);
                // Anchor lines before this entry whose sequence the chain skipped are caught as a gap above.
                while (broken is null && pendingAnchor is not null && pendingAnchor.Sequence <= entry.Id)
                {
                    if (pendingAnchor.Sequence == entry.Id && pendingAnchor.Hash != entry.Hash)
                        broken = new AuditChainBreak(entry.Id, "该记录与链外锚点记录的不一致（记录被改写，或整条链被重新计算）") { Kind = AuditChainBreakKind.AnchorMismatch };
                    newestAnchored = Math.Max(newestAnchored, pendingAnchor.Sequence);
                    pendingAnchor = anchors.MoveNext() ? anchors.Current : null;
                }
                if (broken is not null) return new AuditVerification(checkedCount, broken, newestAnchored);
                position = new AuditChainPosition(entry.Id, entry.Hash, position.Keyed || entry.KeyId is not null);
                checkedCount++;
            }
            if (progress is not null && page.Count > 0) await progress(checkedCount);
            // The anchor is written after an entry commits, so whatever it names is in the database by now.
            // Entries appended while the check ran are read too; only an empty read with the anchor ahead is a loss.
            if (page.Count == PageSize || (pendingAnchor is not null && page.Count > 0)) continue;
            if (pendingAnchor is null) break;
            var beyond = pendingAnchor;
            while (anchors.MoveNext()) if (anchors.Current.Sequence > beyond.Sequence) beyond = anchors.Current;
            return new AuditVerification(checkedCount,
                new AuditChainBreak(position.Id + 1, $"最新的记录被删除：链外锚点记录到第 {beyond.Sequence} 条，数据库只到第 {position.Id} 条")
                { Kind = AuditChainBreakKind.TailMissing, PreviousId = beyond.Sequence }, beyond.Sequence);
        }
        return new AuditVerification(checkedCount, null, newestAnchored);
    }
}
