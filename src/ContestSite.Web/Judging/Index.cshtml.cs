using ContestSite.Core.Contests;
using ContestSite.Core.Judging;
using ContestSite.Data;
using ContestSite.Web.Judging.UseCases;
using ContestSite.Web.Seasons;
using ContestSite.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ContestSite.Web.Judging;

/// <summary>
/// The judge's workspace: assigned entries per round with their progress and whether scores are frozen (and which
/// entries an organizer reopened, until when), conflicts to declare and what became of those declared.
/// </summary>
[RequirePermission(JudgingPermissions.Review)]
public sealed class IndexModel(ContestDbContext db, CurrentContest current, JudgePool pool, RoundStates states, JudgeProgress progress, IStringLocalizerFactory localizers) : JudgingPageModel(localizers)
{
    /// <param name="Conflict">The judge's conflict on the entry when it keeps them out (requested, or upheld).</param>
    public sealed record Item(int SubmissionId, string Title, ReviewStatus? Status, decimal? Total, ConflictStatus? Conflict, DateTimeOffset? ReopenedUntil);
    /// <param name="Progress">Reviews submitted out of entries to score, conflicts left out.</param>
    public sealed record RoundGroup(Round Round, RoundPhase Phase, IReadOnlyList<Item> Items, RoundProgress Progress)
    {
        /// <summary>Whether the judge may still declare a conflict on the item themselves (<see cref="ConflictRules.JudgeMayDeclare"/>).</summary>
        public bool MayDeclare(Item item, DateTimeOffset now) => item.Conflict is null
            && (Phase < RoundPhase.ReviewClosed || (Phase == RoundPhase.ReviewClosed && item.ReopenedUntil > now));
    }

    public IReadOnlyList<RoundGroup> Rounds { get; private set; } = [];
    public IReadOnlyList<int> ProposedConflicts { get; private set; } = [];
    public IReadOnlyList<ConflictDeclaration> Declared { get; private set; } = [];
    public Contest? Contest { get; private set; }
    public DateTimeOffset Now { get; private set; }

    public async Task OnGetAsync([FromServices] TimeProvider clock)
    {
        Now = clock.GetUtcNow();
        Contest = await current.FindAsync();
        if (Contest is null) return;
        var roundIds = Contest.Rounds.Select(r => r.Id).ToList();
        var items = await db.Assignments.AsNoTracking().Where(a => a.JudgeUserId == UserId && roundIds.Contains(a.RoundId))
            .Select(a => new
            {
                a.RoundId, a.SubmissionId, Status = a.Review == null ? (ReviewStatus?)null : a.Review.Status, Total = a.Review == null ? null : a.Review.Total,
                Title = db.Submissions.Where(s => s.Id == a.SubmissionId)
                    .SelectMany(s => s.Versions.Where(v => v.Number == s.CurrentVersionNumber)).Select(v => v.Title).FirstOrDefault(),
            }).OrderBy(a => a.SubmissionId).ToListAsync();
        Declared = await db.ConflictDeclarations.AsNoTracking().Where(c => c.JudgeUserId == UserId).OrderBy(c => c.SubmissionId).ToListAsync();
        var locked = Declared.Where(c => c.Status is ConflictStatus.Requested or ConflictStatus.Upheld).ToDictionary(c => c.SubmissionId, c => c.Status);
        var entryIds = items.Select(i => i.SubmissionId).ToList();
        var reopened = (await db.ReviewReopenings.AsNoTracking().Where(r => entryIds.Contains(r.SubmissionId)).Select(r => new { r.SubmissionId, r.ClosesAt }).ToListAsync())
            .GroupBy(r => r.SubmissionId).ToDictionary(g => g.Key, g => g.Max(r => r.ClosesAt));
        var counts = (await progress.ForJudgeAsync(UserId, roundIds)).ToDictionary(p => p.RoundId);
        var groups = new List<RoundGroup>();
        foreach (var round in Contest.Rounds)
        {
            var mine = items.Where(i => i.RoundId == round.Id).Select(i => new Item(i.SubmissionId, i.Title ?? "", i.Status, i.Total,
                locked.TryGetValue(i.SubmissionId, out var conflict) ? conflict : null, reopened.TryGetValue(i.SubmissionId, out var until) ? until : null)).ToList();
            if (mine.Count > 0) groups.Add(new RoundGroup(round, await states.PhaseAsync(round), mine, counts.GetValueOrDefault(round.Id) ?? new RoundProgress(round.Id, 0, 0)));
        }
        Rounds = groups;
        ProposedConflicts = await ProposedAsync(Contest);
    }

    public async Task<IActionResult> OnPostConflictAsync(int submissionId, string? reason, [FromServices] DeclareConflict declare, [FromServices] TimeProvider clock)
    {
        var (result, status) = await declare.RunAsync(UserId, submissionId, reason);
        if (result.Allowed)
        {
            Announce(status == ConflictStatus.Requested
                ? "您已为这件作品评过分：利益冲突申请已提交组委会决定。在此之前您的评分保留，但不能再修改。"
                : "已声明利益冲突，这件作品不会再分配给您。");
            return Redirect("/judging");
        }
        ShowRefusal(result);
        await OnGetAsync(clock);
        return Page();
    }

    /// <summary>Entries of rounds under review whose team shares the judge's organization and that the judge has not declared yet.</summary>
    private async Task<IReadOnlyList<int>> ProposedAsync(Contest contest)
    {
        var organization = await db.JudgeProfiles.Where(p => p.UserId == UserId).Select(p => p.Organization).FirstOrDefaultAsync();
        if (string.IsNullOrWhiteSpace(organization)) return [];
        var declared = Declared.Select(d => d.SubmissionId).ToHashSet();
        var proposed = new List<int>();
        foreach (var round in contest.Rounds.Where(r => r.ReviewClosesAt > Now))
            foreach (var (entryId, organizations) in await pool.TeamOrganizationsAsync(round.Id, null))
                if (!declared.Contains(entryId) && organizations.Any(o => ConflictProposals.SameOrganization(organization, o))) proposed.Add(entryId);
        return proposed;
    }
}
