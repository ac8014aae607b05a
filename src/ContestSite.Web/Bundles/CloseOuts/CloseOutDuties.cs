using ContestSite.Core.Bundles;
using ContestSite.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ContestSite.Web.Bundles.CloseOuts;

/// <summary>What one pass did: close-outs created (with their mail), reminders sent, and those another node claimed first.</summary>
public sealed record CloseOutPass(DateTimeOffset At, IReadOnlyList<int> Created, IReadOnlyList<int> Reminded, int ClaimedElsewhere);

/// <summary>
/// 销毁, the background half: approvals that ended (expired, revoked, or the contest ended while they were live) whose
/// team received at least one file of the dataset get a close-out and the captain a mail; a team that received nothing
/// owes nothing and gets no record. Close-outs still owed <see cref="BundleOptions.CloseOutReminderDays"/> before
/// their deadline get one reminder. The close-out row (unique per application) and the reminder mark are the claims,
/// committed with the mail, so nodes running at once send each mail once.
/// </summary>
public sealed class CloseOutDuties(ContestDbContext db, CloseOutQueries queries, CloseOutEmails emails, IOptions<BundleOptions> options, TimeProvider clock)
{
    public async Task<CloseOutPass> RunAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var created = new List<int>();
        var reminded = new List<int>();
        var claimedElsewhere = 0;
        var contestEnds = await queries.ContestEndsAsync(cancellationToken);
        // Applications that granted something, have no close-out yet, and whose team was sent a file of the dataset since
        // the decision: live ones among them are dropped below by the one rule of when an approval ends.
        var candidates = await db.AccessApplications.AsNoTracking()
            .Where(a => a.DecidedAt != null
                && (a.Status == ApplicationStatus.Approved || a.Status == ApplicationStatus.Suspended || a.Status == ApplicationStatus.Revoked)
                && !db.CloseOuts.Any(c => c.ApplicationId == a.Id)
                && db.DownloadRecords.Any(r => r.TeamId == a.TeamId && r.DatasetId == a.DatasetId && r.ResourceId != null && !r.Refused && r.At >= a.SubmittedAt))
            .Join(db.Teams, a => a.TeamId, t => t.Id, (a, t) => new { Application = a, t.ContestId })
            .OrderBy(x => x.Application.Id).ToListAsync(cancellationToken);
        foreach (var candidate in candidates)
        {
            var application = candidate.Application;
            if (CloseOutRules.EndOf(application, contestEnds.TryGetValue(candidate.ContestId, out var end) ? end : null, now) is not { } ended) continue;
            var received = await queries.ReceivedAsync(application.TeamId, application.DatasetId, application.SubmittedAt, ended.At, cancellationToken);
            if (received.Count == 0) continue;
            var closeOut = new CloseOut
            {
                ApplicationId = application.Id, TeamId = application.TeamId, DatasetId = application.DatasetId, EndReason = ended.Reason,
                EndedAt = ended.At, DueAt = ended.At.AddDays(options.Value.CloseOutDays), CreatedAt = now,
            };
            if (await ClaimAsync(async () =>
                {
                    db.CloseOuts.Add(closeOut);
                    await db.SaveChangesAsync(cancellationToken);
                    await emails.EnqueueOwedAsync(closeOut, received.Count, cancellationToken);
                    await db.SaveChangesAsync(cancellationToken);
                    return true;
                }, cancellationToken)) created.Add(closeOut.Id);
            else claimedElsewhere++;
        }
        if (options.Value.CloseOutReminderDays > 0)
        {
            var soon = now.AddDays(options.Value.CloseOutReminderDays);
            var due = await db.CloseOuts.AsNoTracking()
                .Where(c => c.State == CloseOutState.Owed && c.ReminderSentAt == null && c.DueAt > now && c.DueAt <= soon)
                .OrderBy(c => c.Id).ToListAsync(cancellationToken);
            foreach (var closeOut in due)
            {
                var sent = await ClaimAsync(async () =>
                {
                    // The mark is the claim: a second node's update waits for this one's commit and then matches nothing.
                    var marked = await db.CloseOuts.Where(c => c.Id == closeOut.Id && c.ReminderSentAt == null && c.State == CloseOutState.Owed)
                        .ExecuteUpdateAsync(s => s.SetProperty(c => c.ReminderSentAt, now), cancellationToken);
                    if (marked == 0) return false;
                    await emails.EnqueueReminderAsync(closeOut, cancellationToken);
                    await db.SaveChangesAsync(cancellationToken);
                    return true;
                }, cancellationToken);
                if (sent) reminded.Add(closeOut.Id);
                else claimedElsewhere++;
            }
        }
        return new CloseOutPass(now, created, reminded, claimedElsewhere);
    }

    /// <summary>Runs the claim and its mail in one transaction; false when another node's claim committed first (all rolled back).</summary>
    private async Task<bool> ClaimAsync(Func<Task<bool>> work, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            if (!await work()) { await transaction.RollbackAsync(cancellationToken); db.ChangeTracker.Clear(); return false; }
            await transaction.CommitAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            await transaction.RollbackAsync(cancellationToken);
            db.ChangeTracker.Clear();
            return false;
        }
    }
}
