using ContestSite.Core.Contests;
using ContestSite.Core.Rules;
using ContestSite.Data;
using ContestSite.Web.Contests.UseCases;
using ContestSite.Web.Localization;
using ContestSite.Web.Seasons;
using ContestSite.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ContestSite.Web.Contests.Admin;

[RequirePermission(ContestPermissions.ManageContest)]
public sealed class EditRoundModel(ContestDbContext db, CurrentContest current, TimeProvider clock, IStringLocalizerFactory localizers) : PageModel
{
    private readonly IStringLocalizer _t = localizers.Create(typeof(EditRoundModel));

    [BindProperty(SupportsGet = true)] public string Id { get; set; } = "";
    [BindProperty] public RoundInput Input { get; set; } = new();
    public bool IsNew => Id == "new";
    public IReadOnlyList<RubricCriterion> Criteria { get; private set; } = [];
    public decimal WeightTotal => Criteria.Sum(c => c.Weight);
    /// <summary>Why criteria may no longer be added, removed or reweighted (<see cref="RubricLock"/>); null while they may.</summary>
    public string? ScoringLocked { get; private set; }

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

    public async Task<IActionResult> OnPostAsync([FromServices] SaveRound save)
    {
        if (!IsNew && !int.TryParse(Id, out _)) return NotFound();
        if (!ModelState.IsValid) return Page();
        var change = await save.SaveAsync(IsNew ? null : int.Parse(Id, System.Globalization.CultureInfo.InvariantCulture), Input, HttpContext.RequestAborted);
        if (change is null) return IsNew ? Redirect("/admin/contest") : NotFound();
        if (!change.Saved)
        {
            foreach (var refusal in change.Refusals) ModelState.AddModelError(string.Empty, _t.Localize(refusal));
            if (!IsNew) await LoadAsync();
            return Page();
        }
        TempData["Notice"] = _t["轮次已保存。"].Value;
        return Redirect($"/admin/contest/rounds/{change.Id}");
    }

    public async Task<IActionResult> OnPostSaveCriterionAsync(CriterionInput criterion, [FromServices] SaveCriterion save)
    {
        if (!int.TryParse(Id, out var roundId)) return NotFound();
        var change = await save.SaveAsync(roundId, criterion, HttpContext.RequestAborted);
        if (change is null) return NotFound();
        if (!change.Saved) TempData["Notice"] = string.Join("；", change.Refusals.Select(r => _t.Localize(r)));
        return Redirect($"/admin/contest/rounds/{roundId}");
    }

    public async Task<IActionResult> OnPostDeleteCriterionAsync(int criterionId, [FromServices] DeleteCriterion delete)
    {
        if (!int.TryParse(Id, out var roundId)) return NotFound();
        var change = await delete.DeleteAsync(roundId, criterionId, HttpContext.RequestAborted);
        if (change is null) return NotFound();
        if (!change.Saved) TempData["Notice"] = string.Join("；", change.Refusals.Select(r => _t.Localize(r)));
        return Redirect($"/admin/contest/rounds/{roundId}");
    }

    private async Task<Round?> LoadAsync()
    {
        if (!int.TryParse(Id, out var id)) return null;
        var round = await db.Rounds.Include(r => r.Criteria).SingleOrDefaultAsync(r => r.Id == id);
        Criteria = round?.Criteria.OrderBy(c => c.SortOrder).ToList() ?? [];
        var scoringLock = round is null ? RuleResult.Ok : (await RubricUse.ReadAsync(db, id, HttpContext.RequestAborted)).CanChangeScoring(round, clock.GetUtcNow());
        ScoringLocked = scoringLock.Allowed ? null : _t.Localize(scoringLock);
        return round;
    }
}
