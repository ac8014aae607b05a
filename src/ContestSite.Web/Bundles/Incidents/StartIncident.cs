using ContestSite.Core.Bundles;
using ContestSite.Core.Rules;
using ContestSite.Data;
using ContestSite.Web.Audit;
using Microsoft.EntityFrameworkCore;

namespace ContestSite.Web.Bundles.Incidents;

/// <summary>
/// 应急处置: stops one dataset, or all restricted data, at once. In one transaction: the incident is recorded, every
/// live approval it covers becomes Suspended (linked to it), the teams and the people who handle incidents are mailed,
/// and each step is audited. Every route that serves data reads open incidents from the database on each request, so
/// the stop holds on every node from the commit on.
/// </summary>
public sealed class StartIncident(ContestDbContext db, IncidentEmails emails, IAuditLog audit, TimeProvider clock)
{
    public sealed record Outcome(RuleResult Result, int? IncidentId);

    public async Task<Outcome> RunAsync(Guid? datasetId, string? what, string? reason, bool confirmed, string organizerId, string organizerName,
        CancellationToken cancellationToken = default)
    {
        var check = DataIncidentRules.CanStart(what, reason, confirmed);
        if (!check.Allowed) return new Outcome(check, null);
        string scope;
        if (datasetId is { } id)
        {
            var title = await db.Datasets.Where(d => d.Id == id).Select(d => d.Title).FirstOrDefaultAsync(cancellationToken);
            if (title is null) return new Outcome(RuleResult.Refuse("数据集不存在"), null);
            scope = $"“{title}”";
        }
        else scope = "全部受限开放数据";
        try
        {
            return await db.InTransactionAsync(() => StartAsync(datasetId, what!.Trim(), reason!.Trim(), organizerId, organizerName, scope, cancellationToken), cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The database's one-open-incident-per-scope index: another organizer's identical stop committed first.
            db.ChangeTracker.Clear();
            return new Outcome(RuleResult.Refuse(DataIncidentRules.AlreadyOpenMessage), null);
        }
    }

    private async Task<Outcome> StartAsync(Guid? datasetId, string what, string reason, string organizerId, string organizerName, string scope,
        CancellationToken cancellationToken)
    {
        await DataStopLocks.LockAsync(db, datasetId, cancellationToken);
        var key = DataIncidentRules.ScopeKey(datasetId);
        if (await db.DataIncidents.AnyAsync(i => i.OpenScope == key, cancellationToken))
            return new Outcome(RuleResult.Refuse(DataIncidentRules.AlreadyOpenMessage), null);
        var now = clock.GetUtcNow();
        var incident = new DataIncident { DatasetId = datasetId, OpenScope = key, What = what, Reason = reason, StartedBy = organizerId, StartedAt = now };
        db.DataIncidents.Add(incident);
        await db.SaveChangesAsync(cancellationToken);

        var live = await DataStopLocks.Covered(db, datasetId).Where(a => a.Status == ApplicationStatus.Approved && a.ExpiresAt > now)
            .OrderBy(a => a.Id).ToListAsync(cancellationToken);
        foreach (var application in live)
        {
            DataIncidentRules.Suspend(application, incident, now);
            application.Version++;
        }
        await emails.EnqueueStartedAsync(incident, scope, organizerName, live, cancellationToken);
        var datasets = string.Join(", ", live.Select(a => a.DatasetId).Distinct());
        await audit.AppendAsync(new AuditEvent("data.incident-started", $"incident:{incident.Id}", "ok",
            $"scope {key}; {what}; reason: {reason}; {live.Count} approval(s) suspended; datasets: {datasets}") { DatasetId = datasetId }, cancellationToken);
        foreach (var application in live)
        {
            await audit.AppendAsync(new AuditEvent("data.application-suspended", $"application:{application.Id}", "ok", $"incident {incident.Id}")
                { TeamId = application.TeamId, DatasetId = application.DatasetId }, cancellationToken);
        }
        return new Outcome(RuleResult.Ok, incident.Id);
    }
}
