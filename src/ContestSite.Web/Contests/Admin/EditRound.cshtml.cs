using System.ComponentModel.DataAnnotations;
using ContestSite.Core.Contests;
using ContestSite.Data;
using ContestSite.Web.Audit;
using ContestSite.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ContestSite.Web.Contests.Admin;

[RequirePermission(ContestPermissions.ManageContest)]
public sealed class EditRoundModel(ContestDbContext db, CurrentContest current, IAuditLog audit, IStringLocalizerFactory localizers) : PageModel
{
    private readonly IStringLocalizer _t = localizers.Create(typeof(EditRoundModel));

    [BindProperty(SupportsGet = true)] public string Id { get; set; } = "";
    [BindProperty] public RoundInput Input { get; set; } = new();
    public bool IsNew => Id == "new";
    public IReadOnlyList<RubricCriterion> Criteria { get; private set; } = [];
    public decimal WeightTotal => Criteria.Sum(c => c.Weight);

    public async Task<IActionResult> OnGetAsync()
    {
        if (IsNew)
        {
            var contest = await current.FindAsync();
            if (contest is null) return Redirect("/admin/contest");
            Input.Sequence = contest.Rounds.Count == 0 ? 1 : contest.Rounds.Max(r => r.Sequence) + 1;
            return Page();
        }
        var round = await LoadAsync();
        if (round is null) return NotFound();
        Input = RoundInput.From(round);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var contest = await current.FindAsync();
        if (contest is null) return Redirect("/admin/contest");
        var round = IsNew ? new Round { Name = "", ContestId = contest.Id } : await LoadAsync();
        if (round is null) return NotFound();
        if (!ModelState.IsValid) return Page();
        if (!Input.TryApply(round, out var timeError))
        {
            ModelState.AddModelError(string.Empty, _t[timeError!].Value);
            return Page();
        }
        var errors = ContestSchedule.Validate(round).ToList();
        if (contest.Rounds.Any(r => r.Sequence == round.Sequence && r.Id != round.Id)) errors.Add("已有相同顺序的轮次");
        if (errors.Count > 0)
        {
            foreach (var error in errors) ModelState.AddModelError(string.Empty, _t[error].Value);
            db.ChangeTracker.Clear();
            return Page();
        }
        if (IsNew) db.Rounds.Add(round);
        await db.SaveChangesAsync();
        await audit.AppendAsync(new AuditEvent("contest.round-saved", $"round:{round.Id}", "ok",
            $"{round.Name}: submit {ContestTime.Display(round.SubmissionOpensAt)}–{ContestTime.Display(round.SubmissionClosesAt)}, review {ContestTime.Display(round.ReviewOpensAt)}–{ContestTime.Display(round.ReviewClosesAt)}"));
        TempData["Notice"] = _t["轮次已保存。"].Value;
        return Redirect($"/admin/contest/rounds/{round.Id}");
    }

    public async Task<IActionResult> OnPostSaveCriterionAsync(CriterionInput criterion)
    {
        var round = await LoadAsync();
        if (round is null) return NotFound();
        var target = criterion.Id is null ? new RubricCriterion { Name = "" } : round.Criteria.FirstOrDefault(c => c.Id == criterion.Id);
        if (target is null) return NotFound();
        target.Name = criterion.Name?.Trim() ?? "";
        target.Description = criterion.Description?.Trim();
        target.Guidance = criterion.Guidance?.Trim();
        target.Weight = criterion.Weight ?? 0;
        target.MaxScore = criterion.MaxScore ?? 0;
        target.WholeNumbersOnly = criterion.WholeNumbersOnly;
        var errors = ContestSchedule.Validate(target).ToList();
        if (round.Criteria.Any(c => c.Name == target.Name && c.Id != target.Id)) errors.Add("已有同名评分项");
        if (errors.Count > 0)
        {
            TempData["Notice"] = string.Join("；", errors.Select(e => _t[e].Value));
            return Redirect($"/admin/contest/rounds/{round.Id}");
        }
        if (criterion.Id is null)
        {
            target.SortOrder = round.Criteria.Count;
            round.Criteria.Add(target);
        }
        await db.SaveChangesAsync();
        await audit.AppendAsync(new AuditEvent("contest.rubric-saved", $"round:{round.Id}", "ok", $"{target.Name} weight {target.Weight} max {target.MaxScore}"));
        return Redirect($"/admin/contest/rounds/{round.Id}");
    }

    public async Task<IActionResult> OnPostDeleteCriterionAsync(int criterionId)
    {
        var round = await LoadAsync();
        var target = round?.Criteria.FirstOrDefault(c => c.Id == criterionId);
        if (round is null || target is null) return NotFound();
        round.Criteria.Remove(target);
        await db.SaveChangesAsync();
        await audit.AppendAsync(new AuditEvent("contest.rubric-deleted", $"round:{round.Id}", "ok", target.Name));
        return Redirect($"/admin/contest/rounds/{round.Id}");
    }

    private async Task<Round?> LoadAsync()
    {
        if (!int.TryParse(Id, out var id)) return null;
        var round = await db.Rounds.Include(r => r.Criteria).SingleOrDefaultAsync(r => r.Id == id);
        Criteria = round?.Criteria.OrderBy(c => c.SortOrder).ToList() ?? [];
        return round;
    }
}

public sealed class RoundInput
{
    [Required(ErrorMessage = "轮次名称不能为空"), StringLength(100, ErrorMessage = "轮次名称不能超过 100 个字符")] public string Name { get; set; } = "";
    [Range(1, 20, ErrorMessage = "顺序须在 1 到 20 之间")] public int Sequence { get; set; } = 1;
    [Required(ErrorMessage = "请填写提交开始时间")] public string SubmissionOpensAt { get; set; } = "";
    [Required(ErrorMessage = "请填写提交截止时间")] public string SubmissionClosesAt { get; set; } = "";
    [Required(ErrorMessage = "请填写评审开始时间")] public string ReviewOpensAt { get; set; } = "";
    [Required(ErrorMessage = "请填写评审截止时间")] public string ReviewClosesAt { get; set; } = "";
    [Range(1, 20, ErrorMessage = "每件作品的评委人数须在 1 到 20 之间")] public int JudgesPerEntry { get; set; } = 3;
    [Range(0, 100000, ErrorMessage = "晋级数量不能为负数")] public int? AdvanceCount { get; set; }
    public bool BlindReview { get; set; }

    public static RoundInput From(Round r) => new()
    {
        Name = r.Name, Sequence = r.Sequence,
        SubmissionOpensAt = ContestTime.ToInput(r.SubmissionOpensAt), SubmissionClosesAt = ContestTime.ToInput(r.SubmissionClosesAt),
        ReviewOpensAt = ContestTime.ToInput(r.ReviewOpensAt), ReviewClosesAt = ContestTime.ToInput(r.ReviewClosesAt),
        JudgesPerEntry = r.JudgesPerEntry, AdvanceCount = r.AdvanceCount, BlindReview = r.BlindReview,
    };

    public bool TryApply(Round round, out string? error)
    {
        error = null;
        if (!ContestTime.TryParseInput(SubmissionOpensAt, out var so) || !ContestTime.TryParseInput(SubmissionClosesAt, out var sc)
            || !ContestTime.TryParseInput(ReviewOpensAt, out var ro) || !ContestTime.TryParseInput(ReviewClosesAt, out var rc))
        {
            error = ContestTime.FirstInputProblem(SubmissionOpensAt, SubmissionClosesAt, ReviewOpensAt, ReviewClosesAt);
            return false;
        }
        round.Name = Name.Trim();
        round.Sequence = Sequence;
        (round.SubmissionOpensAt, round.SubmissionClosesAt, round.ReviewOpensAt, round.ReviewClosesAt) = (so, sc, ro, rc);
        (round.JudgesPerEntry, round.AdvanceCount, round.BlindReview) = (JudgesPerEntry, AdvanceCount, BlindReview);
        return true;
    }
}

public sealed class CriterionInput
{
    public int? Id { get; set; }
    public string? Name { get; set; }
    public string? Description { get; set; }
    public string? Guidance { get; set; }
    public decimal? Weight { get; set; }
    public decimal? MaxScore { get; set; }
    public bool WholeNumbersOnly { get; set; }
}
