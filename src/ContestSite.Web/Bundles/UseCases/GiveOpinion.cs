using ContestSite.Core.Bundles;
using ContestSite.Core.Rules;
using ContestSite.Data;
using ContestSite.Web.Audit;
using Microsoft.EntityFrameworkCore;

namespace ContestSite.Web.Bundles.UseCases;

/// <summary>A member of the expert committee gives (or changes) their opinion on an application the organizers asked about.</summary>
public sealed class GiveOpinion(ContestDbContext db, IAuditLog audit, TimeProvider clock)
{
    public async Task<RuleResult> RunAsync(int id, string judgeId, string judgeName, bool supports, string? comment)
    {
        var application = await db.AccessApplications.Include(a => a.Opinions).FirstOrDefaultAsync(a => a.Id == id);
        if (application is null) return RuleResult.Refuse("申请不存在");
        var result = AccessApplicationRules.GiveOpinion(application, judgeId, judgeName, supports, comment, clock.GetUtcNow());
        if (!result.Allowed)
        {
            db.ChangeTracker.Clear();
            return result;
        }
        application.Version++;
        try
        {
            await audit.AppendAsync(new AuditEvent("data.application.opinion", $"application:{id}", supports ? "supports" : "opposes", comment)
                { TeamId = application.TeamId, DatasetId = application.DatasetId });
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return RuleResult.Refuse("申请刚被其他人处理，请刷新页面后重试");
        }
        return result;
    }
}
