using ContestSite.Core.Judging;
using ContestSite.Core.Submissions;
using ContestSite.Core.Teams;
using ContestSite.Data;
using ContestSite.Web.Judging.UseCases;
using ContestSite.Web.Localization;
using ContestSite.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ContestSite.Web.Judging;

/// <summary>
/// One assigned entry for its judge: the content of the finalised version and the score form. In a blind
/// round nothing of the team (name, members, organization) is loaded, so nothing of it can be shown.
/// The judge sees only their own review, never another judge's. Once scores are frozen (review closed, results
/// published) the form is shown read-only with the reason; an entry an organizer reopened says until when.
/// </summary>
[RequirePermission(JudgingPermissions.Review)]
public sealed class EntryModel(ContestDbContext db, JudgeAccess access, RoundStates states, JudgeProgress progress, ContestSite.Web.Judging.Discussion.DiscussionThreads threads, TimeProvider clock,
    IStringLocalizerFactory localizers) : JudgingPageModel(localizers)
{
    public sealed record TeamView(string Name, string Organization, IReadOnlyList<(string Name, string Organization)> Members);

    public JudgeEntry Entry { get; private set; } = null!;
    public SubmissionVersion? Version { get; private set; }
    public IReadOnlyList<string> DatasetTitles { get; private set; } = [];
    public TeamView? Team { get; private set; }
    public bool CanScore { get; private set; }
    /// <summary>Why the judge cannot change the score now (localized), when they cannot.</summary>
    public string? Frozen { get; private set; }
    /// <summary>Until when an organizer reopened review of this entry, when it did.</summary>
    public DateTimeOffset? ReopenedUntil { get; private set; }
    /// <summary>Set when the judge's conflict on the entry keeps them out: only the reason is shown.</summary>
    public ConflictDeclaration? LockedByConflict { get; private set; }
    public DateTimeOffset Now { get; private set; }
    /// <summary>The judge's progress in the entry's round, conflicts left out.</summary>
    public RoundProgress Progress { get; private set; } = null!;
    /// <summary>Whether the entry's discussion is open, and how many comments it has.</summary>
    public (bool Open, int Comments) DiscussionSummary { get; private set; }

    /// <summary>The weighted total of the scores on the form, as the server computes it (<see cref="ScoreValidation.WeightedTotal"/>); null with none.</summary>
    public decimal? FormTotal
    {
        get
        {
            var values = ScoreValidation.Check(Entry.Round.Criteria, Scores, submitting: false).Values;
            return values.Count == 0 ? null : ScoreValidation.WeightedTotal(Entry.Round.Criteria, values);
        }
    }

    [BindProperty] public Dictionary<int, string?> Scores { get; set; } = [];
    [BindProperty] public string? Comment { get; set; }

    public async Task<IActionResult> OnGetAsync([FromRoute] int id)
    {
        if (await LoadAsync(id) is { } notFound) return notFound;
        if (LockedByConflict is not null) return Page();
        var review = Entry.Assignment.Review;
        Scores = Entry.Round.Criteria.ToDictionary(c => c.Id,
            c => review?.Scores.FirstOrDefault(s => s.CriterionId == c.Id)?.Value.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture));
        Comment = review?.Comment;
        return Page();
    }

    public Task<IActionResult> OnPostSaveAsync([FromRoute] int id, [FromServices] SaveReview save) => SaveAsync(id, save, submit: false);

    public Task<IActionResult> OnPostSubmitAsync([FromRoute] int id, [FromServices] SaveReview save) => SaveAsync(id, save, submit: true);

    private async Task<IActionResult> SaveAsync(int id, SaveReview save, bool submit)
    {
        var typed = Scores;
        var comment = Comment;
        var outcome = await save.RunAsync(UserId, id, new ReviewInput(typed, comment, submit));
        if (outcome.Result.Allowed)
        {
            Announce(submit ? "评分已提交。评审截止前您仍可修改。" : "草稿已保存。");
            return Redirect($"/judging/entries/{id}");
        }
        if (await LoadAsync(id) is { } notFound) return notFound;
        ShowRefusal(outcome.Result);
        if (LockedByConflict is not null) return Page();
        Scores = typed;
        Comment = comment;
        foreach (var error in outcome.Errors) ShowError(error.CriterionId is { } c ? $"Scores[{c}]" : string.Empty, error);
        return Page();
    }

    private async Task<IActionResult?> LoadAsync(int id)
    {
        db.ChangeTracker.Clear();
        var entry = await access.FindAsync(UserId, id);
        if (entry is null)
        {
            LockedByConflict = await access.ConflictAsync(UserId, id) is { Status: ConflictStatus.Requested or ConflictStatus.Upheld } conflict ? conflict : null;
            return LockedByConflict is null ? NotFound() : null;
        }
        Entry = entry;
        Now = clock.GetUtcNow();
        var scoring = await states.CanScoreAsync(entry.Round, id);
        CanScore = scoring.Allowed;
        Frozen = scoring.Allowed ? null : Text.Localize(scoring);
        ReopenedUntil = await states.EntryReopenedUntilAsync(entry.Round.Id, id);
        Version = await access.CurrentVersionAsync(entry.Submission);
        var datasetIds = Version?.Datasets.Select(d => d.DatasetId).ToList() ?? [];
        DatasetTitles = await db.Datasets.AsNoTracking().Where(d => datasetIds.Contains(d.Id)).OrderBy(d => d.Title).Select(d => d.Title).ToListAsync();
        if (!entry.Round.BlindReview) Team = await TeamAsync(entry.Submission.TeamId);
        Progress = await progress.ForRoundAsync(UserId, entry.Round.Id);
        DiscussionSummary = await threads.SummaryAsync(entry.Round.Id, id);
        return null;
    }

    private async Task<TeamView?> TeamAsync(int teamId)
    {
        var team = await db.Teams.AsNoTracking().Include(t => t.Members).SingleOrDefaultAsync(t => t.Id == teamId);
        return team is null ? null : new TeamView(team.Name, team.OrganizationName,
            team.Members.OrderBy(m => m.Role).Select(m => (m.RealName, m.Organization)).ToList());
    }

    public static string KindName(SubmissionFileKind kind) => kind switch
    {
        SubmissionFileKind.Proposal => "作品方案",
        SubmissionFileKind.Screenshot => "截图",
        SubmissionFileKind.Video => "演示视频",
        _ => "源代码包",
    };
}
