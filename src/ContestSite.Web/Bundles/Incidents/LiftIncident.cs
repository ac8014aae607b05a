using ContestSite.Core.Bundles;
using ContestSite.Core.Rules;
using ContestSite.Data;
using ContestSite.Web.Audit;
using Microsoft.EntityFrameworkCore;

namespace ContestSite.Web.Bundles.Incidents;

/// <summary>
/// Ends an emergency stop, with a reason. Data is served again at once (unless another open stop covers it); the
/// approvals it suspended stay suspended until an organizer restores or revokes each (<see cref="ResolveSuspension"/>).
/// </summary>
public sealed class LiftIncident(ContestDbContext db, IAuditLog audit, TimeProvider clock)
{
    public async Task<RuleResult> RunAsync(int incidentId, string? reason, string organizerId, CancellationToken cancellationToken = default)
    {
        var incident = await db.DataIncidents.FirstOrDefaultAsync(i => i.Id == incidentId, cancellationToken);
        if (incident is null) return RuleResult.Refuse("应急处置不存在");
        var result = DataIncidentRules.Lift(incident, organizerId, reason, clock.GetUtcNow());
        if (!result.Allowed)
        {
            db.ChangeTracker.Clear();
            return result;
        }
        return await db.InTransactionAsync(async () =>
        {
            // Two organizers lifting at once: only the one whose update finds it still open records the lift.
            var lifted = await db.DataIncidents.Where(i => i.Id == incidentId && i.LiftedAt == null).ExecuteUpdateAsync(s => s
                .SetProperty(i => i.LiftedAt, incident.LiftedAt).SetProperty(i => i.LiftedBy, incident.LiftedBy)
                .SetProperty(i => i.LiftReason, incident.LiftReason).SetProperty(i => i.OpenScope, (string?)null), cancellationToken);
            db.ChangeTracker.Clear();
            if (lifted == 0) return RuleResult.Refuse("该应急处置已经解除");
            await audit.AppendAsync(new AuditEvent("data.incident-lifted", $"incident:{incidentId}", "ok", $"reason: {incident.LiftReason}")
                { DatasetId = incident.DatasetId }, cancellationToken);
            return RuleResult.Ok;
        }, cancellationToken);
    }
}
