using ContestSite.Core.Contests;
using ContestSite.Core.Judging;
using ContestSite.Core.Rules;
using ContestSite.Core.Submissions;
using ContestSite.Data;
using ContestSite.Web.Judging.UseCases;
using ContestSite.Web.Seasons;
using ContestSite.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ContestSite.Web.Judging.Admin;

/// <summary>
/// A round's assignments: settings, one-click assignment, changes by hand, CSV import and export, and reopening
/// review for one entry once scores are frozen.
/// </summary>
[RequirePermission(JudgingPermissions.Manage)]
public sealed class RoundModel(ContestDbContext db, CurrentContest current, RoundResults results, JudgePool pool, RoundStates states,
    ContestSite.Web.Judging.Discussion.DiscussionThreads threads, TimeProvider clock, IStringLocalizerFactory localizers) : JudgingPageModel(localizers)
{
    public const int PageSize = 50;
    public const int ReopeningsShown = 50;
    /// <param name="Excluded">The judge's score was excluded (an upheld conflict): kept as a record, the entry needs another judge.</param>
    public sealed record JudgeCell(int AssignmentId, string Name, ReviewStatus? Status, bool Excluded);
    /// <param name="Frozen">Judges can no longer change scores on this entry, so no review on it may be removed.</param>
    public sealed record EntryLine(int Id, string Title, int TrackId, IReadOnlyList<JudgeCell> Judges, bool Frozen)
    {
        public int Counted => Judges.Count(j => !j.Excluded);
    }
    public sealed record ReopeningLine(int SubmissionId, DateTimeOffset OpenedAt, DateTimeOffset ClosesAt, string Reason, string OpenedBy);

    public Contest Contest { get; private set; } = null!;
    public Round Round { get; private set; } = null!;
    public RoundJudgingSettings Settings { get; private set; } = null!;
    public IReadOnlyList<EntryLine> Entries { get; private set; } = [];
    public int Total { get; private set; }
    public int Short { get; private set; }
    public RoundPhase Phase { get; private set; }
    public DateTimeOffset Now { get; private set; }
    public IReadOnlyList<ReopeningLine> Reopenings { get; private set; } = [];
    /// <summary>Comment counts of the opened discussions among the entries shown.</summary>
    public IReadOnlyDictionary<int, int> Discussions { get; private set; } = new Dictionary<int, int>();
    // Not "page": Razor Pages keeps the page path in the route value of that name, which would bind here first.
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public async Task<IActionResult> OnGetAsync([FromRoute] int id) => await LoadAsync(id) ?? Page();

    public Task<IActionResult> OnPostAssignAsync([FromRoute] int id, [FromServices] AutoAssign assign) =>
        ActAsync(id, async () => { var (r, n) = await assign.RunAsync(Round); return (r, "已分配 {0} 个评审任务。", [n]); });

    public Task<IActionResult> OnPostAddAsync([FromRoute] int id, int submissionId, string? judgeEmail, [FromServices] ChangeAssignment change) =>
        ActAsync(id, async () => (await change.AddAsync(Round, submissionId, judgeEmail ?? ""), "已添加评委。", []));

    public Task<IActionResult> OnPostRemoveAsync([FromRoute] int id, int assignmentId, [FromServices] ChangeAssignment change) =>
        ActAsync(id, async () => (await change.RemoveAsync(Round, assignmentId), "已移除评委。", []));

    public Task<IActionResult> OnPostReopenAsync([FromRoute] int id, int submissionId, string? until, string? reason, [FromServices] ReopenReview reopen) =>
        ActAsync(id, async () =>
        {
            if (!ContestTime.TryParseInput(until, out var closesAt))
                return (RuleResult.Refuse(ContestTime.InputProblem(until) ?? "请填写重新开放评审的截止时间"), "", []);
            return (await reopen.EntryAsync(Round, submissionId, closesAt, reason, UserId), "已重新开放作品 {0} 的评审，至 {1}（北京时间）。", [submissionId, ContestTime.Display(closesAt)]);
        });

    public Task<IActionResult> OnPostImportAsync([FromRoute] int id, IFormFile? file, [FromServices] AssignmentCsv csv) =>
        ActAsync(id, async () =>
        {
            if (file is null || file.Length == 0) return (RuleResult.Refuse("请选择要导入的 CSV 文件"), "", []);
            if (file.Length > 2_000_000) return (RuleResult.Refuse("文件不能超过 2 MB"), "", []);
            await using var stream = file.OpenReadStream();
            var (r, n) = await csv.ImportAsync(Round, stream);
            return (r, "已导入 {0} 个评审任务。", [n]);
        });

    public Task<IActionResult> OnPostSettingsAsync([FromRoute] int id, string? sharePercent, string? threshold, RankingMethod ranking,
        string? objectionDays, bool showComments, [FromServices] SaveJudgingSettings save) =>
        ActAsync(id, async () => (await save.RunAsync(Round.Id, sharePercent, threshold, ranking, objectionDays, showComments), "评审设置已保存。", []));

    private async Task<IActionResult> ActAsync(int id, Func<Task<(RuleResult Result, string Success, object[] Arguments)>> action)
    {
        if (await FindRoundAsync(id) is { } notFound) return notFound;
        var (result, success, arguments) = await action();
        if (result.Allowed)
        {
            Announce(success, arguments);
            return Redirect($"/admin/judging/rounds/{id}");
        }
        ShowRefusal(result);
        db.ChangeTracker.Clear();
        return await LoadAsync(id) ?? Page();
    }

    private async Task<IActionResult?> FindRoundAsync(int id)
    {
        var contest = await current.FindAsync();
        var round = contest?.Rounds.FirstOrDefault(r => r.Id == id);
        if (round is null) return NotFound();
        (Contest, Round) = (contest!, round);
        return null;
    }

    private async Task<IActionResult?> LoadAsync(int id)
    {
        if (await FindRoundAsync(id) is { } notFound) return notFound;
        Settings = await results.SettingsAsync(id);
        PageNumber = Math.Max(1, PageNumber);
        var entries = db.Submissions.AsNoTracking().Where(s => s.RoundId == id && s.Status == SubmissionStatus.Finalised).OfEntrants(db, Round);
        Total = await entries.CountAsync();
        Short = await entries.CountAsync(s => db.Assignments.Count(a => a.RoundId == id && a.SubmissionId == s.Id && (a.Review == null || a.Review.ExcludedAt == null)) < Round.JudgesPerEntry);
        Now = clock.GetUtcNow();
        Phase = await states.PhaseAsync(Round);
        var reopenings = await db.ReviewReopenings.AsNoTracking().Where(r => r.RoundId == id).OrderByDescending(r => r.Id).Take(ReopeningsShown).ToListAsync();
        var openers = reopenings.Select(r => r.OpenedByUserId).Distinct().ToList();
        var openerNames = await db.Users.AsNoTracking().Where(u => openers.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName);
        Reopenings = reopenings.Select(r => new ReopeningLine(r.SubmissionId, r.OpenedAt, r.ClosesAt, r.Reason, openerNames.GetValueOrDefault(r.OpenedByUserId, ""))).ToList();
        var page = await entries.OrderBy(s => s.Id).Skip((PageNumber - 1) * PageSize).Take(PageSize)
            .Select(s => new { s.Id, s.TrackId, Title = s.Versions.Where(v => v.Number == s.CurrentVersionNumber).Select(v => v.Title).FirstOrDefault() })
            .ToListAsync();
        var ids = page.Select(p => p.Id).ToList();
        Discussions = await threads.CountsAsync(id, ids);
        var assignments = await db.Assignments.AsNoTracking().Where(a => a.RoundId == id && ids.Contains(a.SubmissionId))
            .Select(a => new
            {
                a.Id, a.SubmissionId, a.JudgeUserId, Status = a.Review == null ? (ReviewStatus?)null : a.Review.Status,
                Excluded = a.Review != null && a.Review.ExcludedAt != null,
            }).ToListAsync();
        var names = (await pool.JudgesAsync()).ToDictionary(j => j.UserId, j => j.Name);
        var reopenedUntil = (await db.ReviewReopenings.AsNoTracking().Where(r => r.RoundId == id && ids.Contains(r.SubmissionId)).Select(r => new { r.SubmissionId, r.ClosesAt }).ToListAsync())
            .GroupBy(r => r.SubmissionId).ToDictionary(g => g.Key, g => g.Max(r => r.ClosesAt));
        var published = (await states.CurrentPublicationAsync(id))?.Status;
        Entries = page.Select(p => new EntryLine(p.Id, p.Title ?? "", p.TrackId, assignments.Where(a => a.SubmissionId == p.Id)
                .Select(a => new JudgeCell(a.Id, names.GetValueOrDefault(a.JudgeUserId, a.JudgeUserId), a.Status, a.Excluded)).ToList(),
                !RoundLifecycle.CanScore(Round, published, reopenedUntil.TryGetValue(p.Id, out var until) ? until : null, Now).Allowed && Now >= Round.ReviewOpensAt))
            .ToList();
        return null;
    }
}
