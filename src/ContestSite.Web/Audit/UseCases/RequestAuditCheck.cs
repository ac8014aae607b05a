using ContestSite.Core.Audit;
using ContestSite.Data;
using Microsoft.EntityFrameworkCore;

namespace ContestSite.Web.Audit.UseCases;

/// <summary>
/// An organizer asks for the chain to be checked. A long chain takes a while, so the check is queued and run
/// in the background (<see cref="AuditVerificationJob"/>); asking again while one is queued or running returns that one.
/// </summary>
public sealed class RequestAuditCheck(ContestDbContext db, AuditCheckSignal signal, TimeProvider clock)
{
    public async Task<AuditVerificationRun> RequestAsync(string? userId, CancellationToken cancellationToken = default)
    {
        var open = await db.AuditVerificationRuns.AsNoTracking().OrderByDescending(r => r.Id)
            .FirstOrDefaultAsync(r => r.Status == AuditVerificationStatus.Queued || r.Status == AuditVerificationStatus.Running, cancellationToken);
        if (open is not null) return open;
        var upTo = await db.AuditChainHeads.AsNoTracking().Where(h => h.Id == AuditChainHead.TheOne).Select(h => h.Sequence).SingleAsync(cancellationToken);
        var run = new AuditVerificationRun { Status = AuditVerificationStatus.Queued, RequestedAt = clock.GetUtcNow(), RequestedByUserId = userId, UpTo = upTo };
        db.AuditVerificationRuns.Add(run);
        await db.SaveChangesAsync(cancellationToken);
        signal.Notify();
        return run;
    }
}
