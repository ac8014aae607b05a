using ContestSite.Core.DataRequests;
using ContestSite.Core.Rules;
using ContestSite.Data;
using ContestSite.Web.Audit;
using Microsoft.EntityFrameworkCore;

namespace ContestSite.Web.DataRequests.UseCases;

/// <summary>
/// 附议: a signed-in person supports someone else's open request, once. The support row and the counter change in
/// one transaction; the unique index turns a second support racing the first into a refusal.
/// </summary>
public sealed class SupportDataRequest(ContestDbContext db, IAuditLog audit, TimeProvider clock)
{
    public async Task<RuleResult> RunAsync(int requestId, string userId, CancellationToken cancellationToken = default)
    {
        var request = await db.DataRequests.AsNoTracking().SingleOrDefaultAsync(r => r.Id == requestId, cancellationToken);
        if (request is null) return RuleResult.Refuse("数据需求不存在");
        var already = await db.DataRequestSupports.AnyAsync(s => s.RequestId == requestId && s.UserId == userId, cancellationToken);
        var allowed = DataRequestRules.CanSupport(request, userId, already);
        if (!allowed.Allowed) return allowed;
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            db.DataRequestSupports.Add(new DataRequestSupport { RequestId = requestId, UserId = userId, At = clock.GetUtcNow() });
            await db.SaveChangesAsync(cancellationToken);
            await db.DataRequests.Where(r => r.Id == requestId)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.SupportCount, r => r.SupportCount + 1), cancellationToken);
            await audit.AppendAsync(new AuditEvent("data-request.supported", $"data-request:{requestId}", "ok"), cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return RuleResult.Refuse("您已附议过该需求");
        }
        return RuleResult.Ok;
    }
}
