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

/// <summary>The judge's workspace: assigned entries per round with their progress, conflicts to declare.</summary>
[RequirePermission(JudgingPermissions.Review)]
public sealed class IndexModel(ContestDbContext db, CurrentContest current, JudgePool pool, IStringLocalizerFactory localizers) : JudgingPageModel(localizers)
{
    public sealed record Item(int SubmissionId, string Title, ReviewStatus? Status, decimal? Total);
    public sealed record RoundGroup(Round Round, IReadOnlyList<Item> Items);

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
        Rounds = Contest.Rounds.Select(r => new RoundGroup(r, items.Where(i => i.RoundId == r.Id)
                .Select(i => new Item(i.SubmissionId, i.Title ?? "", i.Status, i.Total)).ToList()))
            .Where(g => g.Items.Count > 0).ToList();
        Declared = await db.ConflictDeclarations.AsNoTracking().Where(c => c.JudgeUserId == UserId).OrderBy(c => c.SubmissionId).ToListAsync();
        ProposedConflicts = await ProposedAsync(Contest);
    }

    public async Task<IActionResult> OnPostConflictAsync(int submissionId, string? reason, [FromServices] DeclareConflict declare, [FromServices] TimeProvider clock)
    {
        var result = await declare.RunAsync(UserId, submissionId, reason);
        if (result.Allowed)
        {
            Announce("已声明利益冲突，这件作品不会再分配给您。");
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
