using System.Security.Claims;
using ContestSite.Core.Contests;
using ContestSite.Core.Judging;
using ContestSite.Data;
using ContestSite.Web.Seasons;
using ContestSite.Web.Security;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ContestSite.Web.Judging;

/// <summary>
/// The public results: for each round whose results are published, the stored snapshot (ranking per track, the
/// advancing list, awards) as it was published, its status (公示 or final), the corrections made and why, and the
/// organizers' public answers to objections. Rows link to the entry's page in the gallery when it is there.
/// </summary>
[RequirePermission(JudgingPermissions.ViewResults)]
public sealed class ResultsModel(ContestDbContext db, CurrentContest current, TimeProvider clock) : PageModel
{
    public sealed record PublicAnswer(string EntryTitle, string Reason, string Answer, DateTimeOffset AnsweredAt);
    public sealed record RoundResultsView(Round Round, ResultsPublication Publication, ResultsSnapshot Snapshot, IReadOnlyList<ResultsPublication> Corrections,
        IReadOnlyList<PublicAnswer> Answers, bool HasNextRound, bool CanObject);

    public string? ContestName { get; private set; }
    public IReadOnlyList<RoundResultsView> Rounds { get; private set; } = [];
    public IReadOnlyDictionary<int, int> GalleryIds { get; private set; } = new Dictionary<int, int>();
    public DateTimeOffset Now => clock.GetUtcNow();

    public async Task OnGetAsync()
    {
        var contest = await current.FindAsync();
        if (contest is null) return;
        ContestName = contest.Name;
        var roundIds = contest.Rounds.Select(r => r.Id).ToList();
        var publications = await db.ResultsPublications.AsNoTracking().Where(p => roundIds.Contains(p.RoundId)).ToListAsync();
        var shown = publications.Where(p => p.IsCurrent).ToList();
        var shownIds = shown.Select(p => p.RoundId).ToList();
        var answers = await db.Objections.AsNoTracking()
            .Where(o => shownIds.Contains(o.RoundId) && o.Status == ObjectionStatus.Answered && o.AnswerIsPublic)
            .OrderBy(o => o.AnsweredAt).ToListAsync();
        var myTeams = await MyTeamsAsync();
        var views = new List<RoundResultsView>();
        foreach (var round in contest.Rounds.OrderByDescending(r => r.Sequence))
        {
            if (shown.FirstOrDefault(p => p.RoundId == round.Id) is not { } publication) continue;
            var snapshot = publication.Snapshot();
            // Corrections of the current publication's series: the versions it replaced since review last closed.
            var corrections = publications.Where(p => p.RoundId == round.Id && p.Status == ResultsStatus.Superseded && p.Version < publication.Version)
                .OrderBy(p => p.Version).Select(p => p).ToList();
            var titles = snapshot.Lines.ToDictionary(l => l.EntryId, l => l.Title);
            var canObject = publication.Status == ResultsStatus.Provisional && Now < publication.ObjectionsCloseAt && snapshot.Lines.Any(l => myTeams.Contains(l.TeamId));
            views.Add(new RoundResultsView(round, publication, snapshot, corrections,
                answers.Where(a => a.RoundId == round.Id).Select(a => new PublicAnswer(titles.GetValueOrDefault(a.SubmissionId, ""), a.Reason, a.Answer ?? "", a.AnsweredAt!.Value)).ToList(),
                contest.Rounds.Any(r => r.Sequence > round.Sequence), canObject));
        }
        Rounds = views;
        var entryIds = views.SelectMany(v => v.Snapshot.Lines.Select(l => l.EntryId)).ToList();
        GalleryIds = (await db.GalleryEntries.AsNoTracking().Where(g => g.PublishedAt != null && entryIds.Contains(g.SubmissionId))
            .Select(g => new { g.SubmissionId, g.Id }).ToListAsync())
            .GroupBy(g => g.SubmissionId).ToDictionary(g => g.Key, g => g.Max(x => x.Id));
    }

    private async Task<HashSet<int>> MyTeamsAsync()
    {
        var userId = User.FindFirstValue(ClaimTypes.NameIdentifier);
        if (userId is null) return [];
        return (await db.TeamMembers.AsNoTracking().Where(m => m.UserId == userId).Select(m => m.TeamId).ToListAsync()).ToHashSet();
    }
}
