using ContestSite.Core.Bundles;
using ContestSite.Core.Catalog;
using ContestSite.Core.Rules;
using ContestSite.Core.Teams;
using ContestSite.Data;
using ContestSite.Web.Audit;
using Microsoft.EntityFrameworkCore;

namespace ContestSite.Web.Bundles.UseCases;

/// <summary>A member of an approved team applies, for the team, to use one restricted dataset.</summary>
public sealed class ApplyForDataset(ContestDbContext db, Agreements agreements, IAuditLog audit, TimeProvider clock)
{
    public async Task<RuleResult> RunAsync(Requester who, Guid datasetId, string? purpose, string? scenario, bool agreementAccepted, int? agreementVersionId)
    {
        var dataset = await db.Datasets.AsNoTracking().FirstOrDefaultAsync(d => d.Id == datasetId && d.Status == DatasetStatus.Published);
        if (dataset is null) return RuleResult.Refuse("数据集不存在或未发布");
        var now = clock.GetUtcNow();
        var teamId = who.Team?.Id;
        var existing = teamId is null ? [] : await db.AccessApplications.AsNoTracking().Where(a => a.TeamId == teamId && a.DatasetId == datasetId).ToListAsync();
        var allowed = AccessApplicationRules.CanApply(who.Team?.Status, dataset.OpenType, existing, purpose?.Trim(), scenario?.Trim(), agreementAccepted, now);
        // The text accepted must be the one in force: a form opened before a new version was published asks again.
        if (allowed.Allowed) allowed = AgreementRules.CanAccept((await agreements.CurrentAsync(AgreementKind.DataUse))?.Id, agreementVersionId);
        if (!allowed.Allowed)
        {
            await audit.AppendAsync(new AuditEvent("data.application.submitted", $"dataset:{datasetId}", "refused", allowed.Message) { TeamId = teamId, DatasetId = datasetId });
            return allowed;
        }
        var application = new AccessApplication
        {
            TeamId = teamId!.Value, DatasetId = datasetId, ApplicantId = who.UserId!, Purpose = purpose!.Trim(), Scenario = scenario!.Trim(),
            AgreementAcceptedAt = now, AgreementVersionId = agreementVersionId, SubmittedAt = now,
        };
        db.AccessApplications.Add(application);
        if (!await SaveAsync(teamId.Value, datasetId,
            () => new AuditEvent("data.application.submitted", $"application:{application.Id}", "ok", dataset.Title) { TeamId = teamId, DatasetId = datasetId }))
        {
            var refused = RuleResult.Refuse(AccessApplicationRules.AlreadyPendingMessage);
            await audit.AppendAsync(new AuditEvent("data.application.submitted", $"dataset:{datasetId}", "refused", refused.Message) { TeamId = teamId, DatasetId = datasetId });
            return refused;
        }
        return RuleResult.Ok;
    }

    /// <summary>
    /// Saves the new application with its audit entry; false when a simultaneous submit of the same team won the unique index on pending
    /// applications. Any other failure is not ours to explain, so it is thrown on.
    /// </summary>
    private async Task<bool> SaveAsync(int teamId, Guid datasetId, Func<AuditEvent> describe)
    {
        try
        {
            await audit.AppendAsync(describe);
            return true;
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            if (await db.AccessApplications.AnyAsync(a => a.TeamId == teamId && a.DatasetId == datasetId && a.Status == ApplicationStatus.Pending)) return false;
            throw;
        }
    }
}
