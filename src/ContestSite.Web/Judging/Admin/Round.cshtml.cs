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

/// <summary>A round's assignments: settings, one-click assignment, changes by hand, CSV import and export.</summary>
[RequirePermission(JudgingPermissions.Manage)]
public sealed class RoundModel(ContestDbContext db, CurrentContest current, RoundResults results, JudgePool pool, IStringLocalizerFactory localizers) : JudgingPageModel(localizers)
{
    public const int PageSize = 50;
    public sealed record JudgeCell(int AssignmentId, string Name, ReviewStatus? Status);
    public sealed record EntryLine(int Id, string Title, int TrackId, IReadOnlyList<JudgeCell> Judges);

    public Contest Contest { get; private set; } = null!;
    public Round Round { get; private set; } = null!;
    public RoundJudgingSettings Settings { get; private set; } = null!;
    public IReadOnlyList<EntryLine> Entries { get; private set; } = [];
    public int Total { get; private set; }
    public int Short { get; private set; }
    // Not "page": Razor Pages keeps the page path in the route value of that name, which would bind here first.
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public async Task<IActionResult> OnGetAsync([FromRoute] int id) => await LoadAsync(id) ?? Page();

    public Task<IActionResult> OnPostAssignAsync([FromRoute] int id, [FromServices] AutoAssign assign) =>
        ActAsync(id, async () => { var (r, n) = await assign.RunAsync(Round); return (r, "已分配 {0} 个评审任务。", [n]); });

    public Task<IActionResult> OnPostAddAsync([FromRoute] int id, int submissionId, string? judgeEmail, [FromServices] ChangeAssignment change) =>
        ActAsync(id, async () => (await change.AddAsync(Round, submissionId, judgeEmail ?? ""), "已添加评委。", []));

    public Task<IActionResult> OnPostRemoveAsync([FromRoute] int id, int assignmentId, [FromServices] ChangeAssignment change) =>
        ActAsync(id, async () => (await change.RemoveAsync(Round, assignmentId), "已移除评委。", []));

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
        Short = await entries.CountAsync(s => db.Assignments.Count(a => a.RoundId == id && a.SubmissionId == s.Id) < Round.JudgesPerEntry);
        var page = await entries.OrderBy(s => s.Id).Skip((PageNumber - 1) * PageSize).Take(PageSize)
            .Select(s => new { s.Id, s.TrackId, Title = s.Versions.Where(v => v.Number == s.CurrentVersionNumber).Select(v => v.Title).FirstOrDefault() })
            .ToListAsync();
        var ids = page.Select(p => p.Id).ToList();
        var assignments = await db.Assignments.AsNoTracking().Where(a => a.RoundId == id && ids.Contains(a.SubmissionId))
            .Select(a => new { a.Id, a.SubmissionId, a.JudgeUserId, Status = a.Review == null ? (ReviewStatus?)null : a.Review.Status }).ToListAsync();
        var names = (await pool.JudgesAsync()).ToDictionary(j => j.UserId, j => j.Name);
        Entries = page.Select(p => new EntryLine(p.Id, p.Title ?? "", p.TrackId, assignments.Where(a => a.SubmissionId == p.Id)
            .Select(a => new JudgeCell(a.Id, names.GetValueOrDefault(a.JudgeUserId, a.JudgeUserId), a.Status)).ToList())).ToList();
        return null;
    }
}
