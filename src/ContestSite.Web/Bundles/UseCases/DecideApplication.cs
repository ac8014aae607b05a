using ContestSite.Core.Bundles;
using ContestSite.Core.Rules;
using ContestSite.Data;
using ContestSite.Web.Audit;
using ContestSite.Web.Bundles.Incidents;
using Microsoft.EntityFrameworkCore;

namespace ContestSite.Web.Bundles.UseCases;

/// <summary>An organizer asks the expert committee (who are mailed), approves with an expiry, rejects, or revokes; each step is audited.</summary>
public sealed class DecideApplication(ContestDbContext db, ApplicationEmails emails, IAuditLog audit, TimeProvider clock)
{
    /// <summary>Asks the expert committee to answer by <paramref name="dueAt"/> (in the future), mailing each expert the date.</summary>
    public Task<RuleResult> RequestOpinionAsync(int id, DateTimeOffset dueAt) =>
        ActAsync(id, "data.application.opinion-requested", a => AccessApplicationRules.RequestOpinion(a, clock.GetUtcNow(), dueAt),
            "答复期限 " + ContestTime.Display(dueAt), a => emails.EnqueueOpinionRequestAsync(a));

    /// <summary>
    /// Approves for <paramref name="validDays"/>; for a dataset at L3 or with sensitive fields only with an expert opinion
    /// given and a security assessment, which is kept with the application and audited.
    /// </summary>
    public async Task<RuleResult> ApproveAsync(int id, string deciderId, int validDays, string? note, string? securityAssessment = null)
    {
        var dataset = await db.AccessApplications.Where(a => a.Id == id)
            .Select(a => db.Datasets.Where(d => d.Id == a.DatasetId).Select(d => new { d.Id, d.OpenType, d.SensitivityLevel, Sensitive = d.Fields.Any(f => f.IsSensitive) }).FirstOrDefault())
            .FirstOrDefaultAsync();
        var needsReview = dataset is not null && AccessApplicationRules.NeedsExpertReview(dataset.SensitivityLevel, dataset.Sensitive);
        var detail = string.IsNullOrWhiteSpace(securityAssessment) ? note : $"{note}; 安全评估：{securityAssessment.Trim()}";
        Task<RuleResult> Approve() => ActAsync(id, "data.application.approved",
            a => AccessApplicationRules.Approve(a, deciderId, validDays, note, clock.GetUtcNow(), needsReview, securityAssessment), detail);
        if (dataset is null) return await Approve();
        // Locked and looked at in the approval's transaction, as a stop does: an approval racing a stop ends suspended or refused.
        return await db.InTransactionAsync(async () =>
        {
            await DataStopLocks.LockAsync(db, dataset.Id);
            if (await DataStopLocks.IsStoppedAsync(db, dataset.Id, dataset.OpenType))
                return RuleResult.Refuse("该数据集正处于应急处置中，暂停批准新的使用申请；解除后再处理");
            return await Approve();
        });
    }

    public Task<RuleResult> RejectAsync(int id, string deciderId, string? reason) =>
        ActAsync(id, "data.application.rejected", a => AccessApplicationRules.Reject(a, deciderId, reason, clock.GetUtcNow()), reason);

    public Task<RuleResult> RevokeAsync(int id, string deciderId, string? reason) =>
        ActAsync(id, "data.application.revoked", a => AccessApplicationRules.Revoke(a, deciderId, reason, clock.GetUtcNow()), reason);

    private async Task<RuleResult> ActAsync(int id, string action, Func<AccessApplication, RuleResult> rule, string? detail, Func<AccessApplication, Task>? mail = null)
    {
        var application = await db.AccessApplications.Include(a => a.Opinions).FirstOrDefaultAsync(a => a.Id == id);
        if (application is null) return RuleResult.Refuse("申请不存在");
        var result = rule(application);
        if (!result.Allowed)
        {
            db.ChangeTracker.Clear();
            return result;
        }
        application.Version++;
        if (application.Status != ApplicationStatus.Pending) await emails.EnqueueDecisionAsync(application);
        if (mail is not null) await mail(application);
        try
        {
            await audit.AppendAsync(new AuditEvent(action, $"application:{id}", "ok", detail) { TeamId = application.TeamId, DatasetId = application.DatasetId });
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return RuleResult.Refuse("申请刚被其他人处理，请刷新页面后重试");
        }
        return result;
    }
}
