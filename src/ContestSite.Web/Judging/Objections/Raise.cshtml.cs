using ContestSite.Core.Judging;
using ContestSite.Data;
using ContestSite.Web.Judging.UseCases;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ContestSite.Web.Judging.Objections;

/// <summary>A member of a team in the round's results raises an objection (异议) during 公示.</summary>
[Authorize]
public sealed class RaiseModel(ContestDbContext db, RoundStates states, IStringLocalizerFactory localizers) : JudgingPageModel(localizers)
{
    public string RoundName { get; private set; } = "";
    public ResultsPublication? Current { get; private set; }
    public IReadOnlyList<ResultLine> Lines { get; private set; } = [];
    [BindProperty] public int SubmissionId { get; set; }
    [BindProperty] public string? Reason { get; set; }

    public async Task<IActionResult> OnGetAsync([FromRoute] int id) => await LoadAsync(id) ?? Page();

    public async Task<IActionResult> OnPostAsync([FromRoute] int id, IFormFile? attachment, [FromServices] ResultObjections objections)
    {
        if (await LoadAsync(id) is { } notFound) return notFound;
        await using var content = attachment is { Length: > 0 } ? attachment.OpenReadStream() : null;
        var (result, _) = await objections.RaiseAsync(id, UserId, new ObjectionInput(SubmissionId, Reason, content, attachment?.FileName));
        if (!result.Allowed) { ShowRefusal(result); return Page(); }
        Announce("异议已提交，组委会答复后会邮件通知您。");
        return Redirect($"/results/rounds/{id}/objections");
    }

    private async Task<IActionResult?> LoadAsync(int id)
    {
        var round = await db.Rounds.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id);
        if (round is null) return NotFound();
        RoundName = round.Name;
        Current = await states.CurrentPublicationAsync(id);
        Lines = Current?.Snapshot().Lines ?? [];
        return null;
    }
}
