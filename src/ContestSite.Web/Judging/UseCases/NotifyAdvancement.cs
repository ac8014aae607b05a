using ContestSite.Core.Contests;
using ContestSite.Core.Submissions;
using ContestSite.Data;
using ContestSite.Web.Audit;
using ContestSite.Web.Email;
using ContestSite.Web.Seasons;
using Microsoft.EntityFrameworkCore;

namespace ContestSite.Web.Judging.UseCases;

/// <summary>
/// Mails every member of every team with a finalised entry in the round, in their own language, whether the team
/// advanced to the next round (with its submission dates) or not. Once per round: the audit entry that records the
/// mailing is looked for first, and checked again under the audit chain's lock, so a second call (or two at once)
/// sends nothing more. The last round has no next round and sends nothing.
/// </summary>
public sealed class NotifyAdvancement(ContestDbContext db, EmailOutbox outbox, EmailTemplates templates, IAuditLog audit)
{
    public const string AuditAction = "judging.advancement-notified";

    /// <returns>the number of mails queued; 0 when the round was notified before or is the contest's last</returns>
    public async Task<int> EnqueueAsync(Contest contest, Round round, CancellationToken cancellationToken = default)
    {
        var next = contest.Rounds.Where(r => r.Sequence > round.Sequence).OrderBy(r => r.Sequence).FirstOrDefault();
        if (next is null) return 0;
        var subject = $"round:{round.Id}";
        if (await NotifiedBeforeAsync(subject, cancellationToken) > 0) return 0;

        var (roundId, nextId) = (round.Id, next.Id);
        var entries = await db.Submissions.AsNoTracking().Where(s => s.RoundId == roundId && s.Status == SubmissionStatus.Finalised).OfEntrants(db, round)
            .Select(s => new
            {
                s.TeamId,
                Team = db.Teams.Where(t => t.Id == s.TeamId).Select(t => t.Name).FirstOrDefault(),
                Title = s.Versions.Where(v => v.Number == s.CurrentVersionNumber).Select(v => v.Title).FirstOrDefault(),
                Advanced = db.Advancements.Any(a => a.RoundId == roundId && a.SubmissionId == s.Id && a.NextRoundId == nextId),
                Members = db.TeamMembers.Where(m => m.TeamId == s.TeamId).Select(m => m.UserId).ToList(),
            })
            .ToListAsync(cancellationToken);
        var userIds = entries.SelectMany(e => e.Members).Distinct().ToList();
        var people = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id) && u.Email != null)
            .ToDictionaryAsync(u => u.Id, u => (Email: u.Email!, u.DisplayName, u.PreferredCulture), cancellationToken);
        var queued = 0;
        foreach (var entry in entries)
            foreach (var person in entry.Members.Where(people.ContainsKey).Select(id => people[id]))
            {
                outbox.Enqueue(entry.Advanced
                    ? templates.Build(person.PreferredCulture, person.Email, person.DisplayName, "团队“{0}”晋级通知",
                        [("恭喜！您所在的团队“{0}”的作品“{1}”已晋级{2}。", [entry.Team ?? "", entry.Title ?? "", next.Name]),
                         ("{0}作品提交时间：{1} 至 {2}（北京时间），请在截止前提交并定稿。", [next.Name, ContestTime.Display(next.SubmissionOpensAt), ContestTime.Display(next.SubmissionClosesAt)])],
                        null, entry.Team ?? "")
                    : templates.Build(person.PreferredCulture, person.Email, person.DisplayName, "团队“{0}”{1}结果通知",
                        [("很遗憾，您所在的团队“{0}”的作品“{1}”未能晋级{2}。感谢您的参与！", [entry.Team ?? "", entry.Title ?? "", next.Name]),
                         ("{0}结果已在大赛网站公布。", [round.Name])],
                        null, entry.Team ?? "", round.Name));
                queued++;
            }

        var own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        try
        {
            var advanced = entries.Count(e => e.Advanced);
            await audit.AppendAsync(new AuditEvent(AuditAction, subject, "ok",
                $"next={next.Id}; advanced={advanced}; not-advanced={entries.Count - advanced}; mails={queued}"), cancellationToken);
            // The append holds the chain's lock until commit: a mailing recorded by another call before it is visible now.
            if (await NotifiedBeforeAsync(subject, cancellationToken) > 1)
            {
                if (own is null) throw new InvalidOperationException($"Advancement mail for {subject} was queued twice in one transaction");
                await own.RollbackAsync(cancellationToken);
                db.ChangeTracker.Clear();
                return 0;
            }
            if (own is not null) await own.CommitAsync(cancellationToken);
            return queued;
        }
        finally
        {
            if (own is not null) await own.DisposeAsync();
        }
    }

    private Task<int> NotifiedBeforeAsync(string subject, CancellationToken cancellationToken) =>
        db.AuditEntries.CountAsync(e => e.Action == AuditAction && e.Subject == subject, cancellationToken);
}
