using ContestSite.Core.Judging;
using ContestSite.Core.Submissions;
using ContestSite.Data;
using ContestSite.Web.Admin;
using ContestSite.Web.Seasons;
using Microsoft.EntityFrameworkCore;

namespace ContestSite.Web.Judging;

/// <summary>
/// Judging's part of the organizers' inbox, for the current contest's rounds: entries short of judges once
/// submission has closed, reviews still unsubmitted once review has closed (extend, reopen or publish without
/// them), conflict requests to decide, rounds waiting for their results, and objections to answer.
/// </summary>
public sealed class JudgingTasks(ContestDbContext db, CurrentContest current, RoundStates states, TimeProvider clock) : IOrganizerTaskSource
{
    public async Task<IReadOnlyList<OrganizerTask>> PendingAsync(CancellationToken cancellationToken)
    {
        var contest = await current.FindAsync(cancellationToken);
        if (contest is null) return [];
        var now = clock.GetUtcNow();
        var (shortEntries, shortUrl) = (0, "/admin/judging");
        var (overdue, overdueUrl) = (0, "/admin/judging");
        var (unpublished, unpublishedUrl) = (0, "/admin/judging");
        foreach (var round in contest.Rounds)
        {
            var phase = RoundLifecycle.PhaseOf(round, (await states.CurrentPublicationAsync(round.Id, cancellationToken))?.Status, now);
            var roundId = round.Id;
            if (phase is RoundPhase.AwaitingReview or RoundPhase.ReviewOpen)
            {
                var perEntry = round.JudgesPerEntry;
                var count = await db.Submissions.Where(s => s.RoundId == roundId && s.Status == SubmissionStatus.Finalised).OfEntrants(db, round)
                    .CountAsync(s => db.Assignments.Count(a => a.RoundId == roundId && a.SubmissionId == s.Id && (a.Review == null || a.Review.ExcludedAt == null)) < perEntry, cancellationToken);
                if (count > 0 && shortEntries == 0) shortUrl = $"/admin/judging/rounds/{roundId}";
                shortEntries += count;
            }
            if (phase is RoundPhase.ReviewClosed)
            {
                var count = await db.Assignments.CountAsync(a => a.RoundId == roundId
                    && (a.Review == null || (a.Review.Status != ReviewStatus.Submitted && a.Review.ExcludedAt == null)), cancellationToken);
                if (count > 0 && overdue == 0) overdueUrl = $"/admin/judging/rounds/{roundId}/results";
                overdue += count;
                if (unpublished == 0) unpublishedUrl = $"/admin/judging/rounds/{roundId}/results";
                unpublished++;
            }
        }
        var roundIds = contest.Rounds.Select(r => r.Id).ToList();
        var requests = await db.ConflictDeclarations.CountAsync(c => c.Status == ConflictStatus.Requested, cancellationToken);
        var objections = await db.Objections.Where(o => o.Status == ObjectionStatus.Open && roundIds.Contains(o.RoundId))
            .GroupBy(o => o.RoundId).Select(g => new { RoundId = g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        var objectionsUrl = objections.Count == 1 ? $"/admin/judging/rounds/{objections[0].RoundId}/objections" : "/admin/judging";
        return
        [
            new("judging.short-of-judges", "评委不足的作品：{0} 件", shortEntries, shortUrl, JudgingPermissions.Manage),
            new("judging.reviews-overdue", "评审已截止仍未提交的评分：{0} 份", overdue, overdueUrl, JudgingPermissions.Manage),
            new("judging.results-unpublished", "评审已截止、等待发布结果的轮次：{0} 个", unpublished, unpublishedUrl, JudgingPermissions.Manage),
            new("judging.conflict-requests", "待裁定的利益冲突申请：{0} 项", requests, "/admin/judging", JudgingPermissions.Manage),
            new("judging.objections", "待答复的异议：{0} 项", objections.Sum(o => o.Count), objectionsUrl, JudgingPermissions.Manage),
        ];
    }
}
