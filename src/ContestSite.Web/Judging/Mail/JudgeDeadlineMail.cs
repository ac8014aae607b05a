using ContestSite.Core.Contests;
using ContestSite.Core.Judging;
using ContestSite.Data;
using ContestSite.Web.Email;
using ContestSite.Web.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ContestSite.Web.Judging.Mail;

/// <summary>What one pass decided: who was reminded or thanked, and what another node had claimed first.</summary>
/// <param name="RoundsInReminderWindow">Rounds whose review is open and closes within <see cref="JudgeMailOptions.ReminderBefore"/>.</param>
/// <param name="ClaimedElsewhere">Rounds whose mails another node inserted first (this node's were rolled back, none sent).</param>
public sealed record JudgeMailPass(DateTimeOffset At, bool RemindersOff, int RoundsInReminderWindow,
    IReadOnlyList<(int RoundId, string JudgeId)> Reminded, IReadOnlyList<(int RoundId, string JudgeId)> Thanked, int ClaimedElsewhere);

/// <summary>
/// The two mails about a round's deadline, each once per judge, round and deadline, in the judge's language:
/// a reminder <see cref="JudgeMailOptions.ReminderBefore"/> before review closes to judges with unfinished reviews
/// (assigned, not submitted, not excluded, no declared conflict), and a note when review has closed to every judge
/// of the round (thanks, how many they submitted, scores frozen). A deadline moved later is a new deadline: its
/// judges are reminded again when it comes near, and thanked again when it passes.
/// </summary>
public sealed class JudgeDeadlineMail(ContestDbContext db, EmailOutbox outbox, EmailTemplates templates, PublicUrls urls,
    IOptions<JudgeMailOptions> options, TimeProvider clock)
{
    /// <summary>
    /// A close older than this gets no note: a site first started (or down) long after a round closed does not
    /// thank its judges weeks late.
    /// </summary>
    public static readonly TimeSpan CloseNoteWindow = TimeSpan.FromDays(7);

    public async Task<JudgeMailPass> RunAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var before = options.Value.ReminderBefore;
        var reminded = new List<(int, string)>();
        var thanked = new List<(int, string)>();
        var claimedElsewhere = 0;
        var inWindow = 0;
        if (before > TimeSpan.Zero)
        {
            var soon = now + before;
            var rounds = await db.Rounds.AsNoTracking()
                .Where(r => r.ReviewOpensAt <= now && r.ReviewClosesAt > now && r.ReviewClosesAt <= soon
                    && !db.ResultsPublications.Any(p => p.RoundId == r.Id && (p.Status == ResultsStatus.Provisional || p.Status == ResultsStatus.Final)))
                .ToListAsync(cancellationToken);
            inWindow = rounds.Count;
            foreach (var round in rounds)
            {
                var judges = await ClaimAsync(() => EnqueueRemindersAsync(round, cancellationToken), cancellationToken);
                if (judges is null) claimedElsewhere++;
                else reminded.AddRange(judges.Select(j => (round.Id, j)));
            }
        }
        var recent = now - CloseNoteWindow;
        var closed = await db.Rounds.AsNoTracking()
            .Where(r => r.ReviewClosesAt <= now && r.ReviewClosesAt > recent && r.ReviewClosesAt > r.ReviewOpensAt)
            .ToListAsync(cancellationToken);
        foreach (var round in closed)
        {
            var judges = await ClaimAsync(() => EnqueueClosedNotesAsync(round, round.ReviewClosesAt, cancellationToken), cancellationToken);
            if (judges is null) claimedElsewhere++;
            else thanked.AddRange(judges.Select(j => (round.Id, j)));
        }
        return new JudgeMailPass(now, before == TimeSpan.Zero, inWindow, reminded, thanked, claimedElsewhere);
    }

    /// <summary>
    /// Queues the review-closed note to every judge of the round not yet thanked for this close, with their claims, in
    /// the caller's context (unsaved): an organizer's "close now" saves them with the close.
    /// </summary>
    /// <returns>the judges queued a note</returns>
    public async Task<IReadOnlyList<string>> EnqueueClosedNotesAsync(Round round, DateTimeOffset closedAt, CancellationToken cancellationToken = default)
    {
        var roundId = round.Id;
        var rows = await db.Assignments.AsNoTracking()
            .Where(a => a.RoundId == roundId
                && !db.JudgeNotices.Any(n => n.RoundId == roundId && n.JudgeUserId == a.JudgeUserId && n.Kind == JudgeNoticeKind.ReviewClosed && n.Deadline == closedAt))
            .GroupBy(a => a.JudgeUserId)
            .Select(g => new
            {
                JudgeId = g.Key,
                Assigned = g.Count(a => a.Review == null || a.Review.ExcludedAt == null),
                Submitted = g.Count(a => a.Review != null && a.Review.ExcludedAt == null && a.Review.Status == ReviewStatus.Submitted),
            })
            .ToListAsync(cancellationToken);
        var people = await PeopleAsync(rows.Select(r => r.JudgeId), cancellationToken);
        var sent = new List<string>();
        foreach (var row in rows.Where(r => people.ContainsKey(r.JudgeId)).OrderBy(r => r.JudgeId, StringComparer.Ordinal))
        {
            var person = people[row.JudgeId];
            Claim(roundId, row.JudgeId, JudgeNoticeKind.ReviewClosed, closedAt);
            outbox.Enqueue(templates.Build(person.Culture, person.Email, person.Name, "{0}评审已截止",
                [("{0}的评审已于 {1}（北京时间）截止，评分已冻结，不能再修改。", [round.Name, ContestTime.Display(closedAt)]),
                 ("您在本轮提交了 {0} 件作品的评分（共分配给您 {1} 件）。感谢您的辛勤评审！", [row.Submitted, row.Assigned])],
                ("打开评审工作台", urls.BaseUrl + "/judging"), round.Name));
            sent.Add(row.JudgeId);
        }
        return sent;
    }

    private async Task<IReadOnlyList<string>> EnqueueRemindersAsync(Round round, CancellationToken cancellationToken)
    {
        var (roundId, deadline) = (round.Id, round.ReviewClosesAt);
        var rows = await db.Assignments.AsNoTracking()
            .Where(a => a.RoundId == roundId && (a.Review == null || a.Review.ExcludedAt == null)
                && !db.ConflictDeclarations.Any(c => c.JudgeUserId == a.JudgeUserId && c.SubmissionId == a.SubmissionId)
                && !db.JudgeNotices.Any(n => n.RoundId == roundId && n.JudgeUserId == a.JudgeUserId && n.Kind == JudgeNoticeKind.Reminder && n.Deadline == deadline))
            .GroupBy(a => a.JudgeUserId)
            .Select(g => new { JudgeId = g.Key, Assigned = g.Count(), Unfinished = g.Count(a => a.Review == null || a.Review.Status != ReviewStatus.Submitted) })
            .Where(g => g.Unfinished > 0)
            .ToListAsync(cancellationToken);
        var people = await PeopleAsync(rows.Select(r => r.JudgeId), cancellationToken);
        var sent = new List<string>();
        foreach (var row in rows.Where(r => people.ContainsKey(r.JudgeId)).OrderBy(r => r.JudgeId, StringComparer.Ordinal))
        {
            var person = people[row.JudgeId];
            Claim(roundId, row.JudgeId, JudgeNoticeKind.Reminder, deadline);
            outbox.Enqueue(templates.Build(person.Culture, person.Email, person.Name, "{0}评审即将截止",
                [("{0}的评审将于 {1}（北京时间）截止。您还有 {2} 件作品的评分尚未提交（本轮共分配给您 {3} 件）。", [round.Name, ContestTime.Display(deadline), row.Unfinished, row.Assigned]),
                 ("请在截止前提交评分；截止后评分将冻结，不能再修改。", [])],
                ("打开评审工作台", urls.BaseUrl + "/judging"), round.Name));
            sent.Add(row.JudgeId);
        }
        return sent;
    }

    private void Claim(int roundId, string judgeId, JudgeNoticeKind kind, DateTimeOffset deadline) =>
        db.JudgeNotices.Add(new JudgeNotice { RoundId = roundId, JudgeUserId = judgeId, Kind = kind, Deadline = deadline, SentAt = clock.GetUtcNow() });

    /// <summary>
    /// Saves the claims and their mails in one transaction. When another node's insert of the same claim committed
    /// first, the unique index refuses this one: everything is rolled back and null says the round was claimed elsewhere.
    /// </summary>
    private async Task<IReadOnlyList<string>?> ClaimAsync(Func<Task<IReadOnlyList<string>>> enqueue, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var judges = await enqueue();
        if (judges.Count == 0) return judges;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return judges;
        }
        catch (DbUpdateException)
        {
            await transaction.RollbackAsync(cancellationToken);
            db.ChangeTracker.Clear();
            return null;
        }
    }

    /// <summary>The judges who get mail: still on the committee (not withdrawn), with an enabled account and an address.</summary>
    private async Task<Dictionary<string, (string Email, string Name, string Culture)>> PeopleAsync(IEnumerable<string> judgeIds, CancellationToken cancellationToken)
    {
        var ids = judgeIds.ToList();
        var withdrawn = await db.JudgeProfiles.AsNoTracking().Where(p => ids.Contains(p.UserId) && p.WithdrawnAt != null).Select(p => p.UserId).ToListAsync(cancellationToken);
        return await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id) && !withdrawn.Contains(u.Id) && u.Email != null && !u.IsDisabled)
            .ToDictionaryAsync(u => u.Id, u => (u.Email!, u.DisplayName, u.PreferredCulture), cancellationToken);
    }
}
