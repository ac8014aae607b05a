using ContestSite.Core.Contests;
using ContestSite.Core.Rules;
using ContestSite.Web.Contests.UseCases;
using ContestSite.Web.Localization;
using ContestSite.Web.Seasons;
using ContestSite.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace ContestSite.Web.Contests.Admin;

[RequirePermission(ContestPermissions.ManageContest)]
public sealed class EditContestModel(CurrentContest current, IStringLocalizerFactory localizers) : PageModel
{
    private readonly IStringLocalizer _t = localizers.Create(typeof(EditContestModel));

    [BindProperty] public ContestInput Input { get; set; } = new();
    public int? ContestId { get; private set; }
    public IReadOnlyList<Track> Tracks { get; private set; } = [];
    public IReadOnlyList<Round> Rounds { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var contest = await current.FindAsync(HttpContext.RequestAborted);
        if (contest is not null) Input = ContestInput.From(contest);
        Show(contest);
    }

    public async Task<IActionResult> OnPostAsync([FromServices] SaveContestSettings save)
    {
        if (ModelState.IsValid)
        {
            var change = await save.SaveAsync(Input, HttpContext.RequestAborted);
            if (change.Saved)
            {
                TempData["Notice"] = _t["赛事设置已保存。"].Value;
                return RedirectToPage();
            }
            foreach (var refusal in change.Refusals) ModelState.AddModelError(string.Empty, _t.Localize(refusal));
        }
        Show(await current.FindAsync(HttpContext.RequestAborted));
        return Page();
    }

    public async Task<IActionResult> OnPostSaveTrackAsync(int? trackId, string? trackName, string? trackDescription, [FromServices] SaveTrack save) =>
        Done(await save.SaveAsync(trackId, trackName, trackDescription, HttpContext.RequestAborted));

    public async Task<IActionResult> OnPostDeleteTrackAsync(int trackId, [FromServices] DeleteTrack delete) =>
        Done(await delete.DeleteAsync(trackId, HttpContext.RequestAborted));

    private IActionResult Done(ChangeResult? change)
    {
        if (change is null) return NotFound();
        if (!change.Saved) TempData["Notice"] = _t.Localize(change.Refusals[0]);
        return RedirectToPage();
    }

    private void Show(Contest? contest)
    {
        ContestId = contest?.Id;
        Tracks = contest?.Tracks.OrderBy(t => t.SortOrder).ToList() ?? [];
        Rounds = contest?.Rounds.OrderBy(r => r.Sequence).ToList() ?? [];
    }
}
