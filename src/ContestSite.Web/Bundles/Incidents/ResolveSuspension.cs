using ContestSite.Core.Bundles;
using ContestSite.Core.Rules;
using ContestSite.Data;
using ContestSite.Web.Audit;
using Microsoft.EntityFrameworkCore;

namespace ContestSite.Web.Bundles.Incidents;

/// <summary>
/// After a stop is lifted, an organizer gives a suspended approval back (the team is mailed) — not once it has expired,
/// nor while another open stop covers its dataset. Revoking one goes through <see cref="UseCases.DecideApplication"/>.
/// </summary>
public sealed class ResolveSuspension(ContestDbContext db, IncidentEmails emails, IAuditLog audit, TimeProvider clock)
{
    public async Task<RuleResult> RestoreAsync(int applicationId, CancellationToken cancellationToken = default)
    {
        var found = await db.AccessApplications.Where(a => a.Id == applicationId)
            .Select(a => new { a.DatasetId, OpenType = db.Datasets.Where(d => d.Id == a.DatasetId).Select(d => d.OpenType).First() })
            .FirstOrDefaultAsync(cancellationToken);
        if (found is null) return RuleResult.Refuse("申请不存在");
        var result = await db.InTransactionAsync(async () =>
        {
            await DataStopLocks.LockAsync(db, found.DatasetId, cancellationToken);
            var application = await db.AccessApplications.SingleAsync(a => a.Id == applicationId, cancellationToken);
            var incident = application.SuspendedByIncidentId is { } incidentId
                ? await db.DataIncidents.AsNoTracking().FirstOrDefaultAsync(i => i.Id == incidentId, cancellationToken)
                : null;
            var stillStopped = await DataStopLocks.IsStoppedAsync(db, found.DatasetId, found.OpenType, cancellationToken);
            var rule = DataIncidentRules.Restore(application, incident, stillStopped, clock.GetUtcNow());
            if (!rule.Allowed) return rule;
            application.Version++;
            await emails.EnqueueRestoredAsync(application, cancellationToken);
            await audit.AppendAsync(new AuditEvent("data.application-restored", $"application:{applicationId}", "ok", $"incident {application.SuspendedByIncidentId}")
                { TeamId = application.TeamId, DatasetId = application.DatasetId }, cancellationToken);
            return rule;
        }, cancellationToken);
        if (!result.Allowed) db.ChangeTracker.Clear();
        return result;
    }
}
