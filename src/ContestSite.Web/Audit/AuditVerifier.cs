using ContestSite.Core.Audit;
using ContestSite.Data;
using Microsoft.EntityFrameworkCore;

namespace ContestSite.Web.Audit;

public sealed record AuditVerification(long EntriesChecked, AuditChainBreak? FirstBreak);

/// <summary>Reads the whole chain in pages, oldest first, and reports the first broken link.</summary>
public sealed class AuditVerifier(ContestDbContext db)
{
    private const int PageSize = 2000;

    public async Task<AuditVerification> VerifyAsync(CancellationToken cancellationToken = default)
    {
        long checkedCount = 0, lastId = 0;
        var expectedPrevious = AuditChain.GenesisHash;
        while (true)
        {
            var page = await db.AuditEntries.AsNoTracking().Where(e => e.Id > lastId).OrderBy(e => e.Id)
                .Take(PageSize).ToListAsync(cancellationToken);
            if (page.Count == 0) return new AuditVerification(checkedCount, null);
            var broken = AuditChain.FindFirstBreak(page, expectedPrevious, lastId);
            if (broken is not null)
                return new AuditVerification(checkedCount + page.TakeWhile(e => e.Id != broken.EntryId).Count(), broken);
            checkedCount += page.Count;
            lastId = page[^1].Id;
            expectedPrevious = page[^1].Hash;
        }
    }
}
