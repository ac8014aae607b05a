using ContestSite.Core.Rules;
using ContestSite.Data;
using ContestSite.Web.Audit;
using Microsoft.EntityFrameworkCore;

namespace ContestSite.Web.Bundles.UseCases;

/// <summary>An organizer who has looked into a risk warning lets the account and team download restricted data again.</summary>
public sealed class ClearRiskFlag(ContestDbContext db, IAuditLog audit, TimeProvider clock)
{
    public async Task<RuleResult> RunAsync(int flagId, string organizerId)
    {
        var flag = await db.RiskFlags.FirstOrDefaultAsync(f => f.Id == flagId);
        if (flag is null || flag.ClearedAt is not null) return RuleResult.Refuse("该预警不存在或已解除");
        flag.ClearedAt = clock.GetUtcNow();
        flag.ClearedBy = organizerId;
        await audit.AppendAsync(() => new AuditEvent("data.risk.cleared", $"user:{flag.UserId}", "ok", flag.Reason) { TeamId = flag.TeamId });
        return RuleResult.Ok;
    }
}
