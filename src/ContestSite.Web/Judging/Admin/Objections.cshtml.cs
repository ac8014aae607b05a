using ContestSite.Core.Judging;
using ContestSite.Data;
using ContestSite.Web.Judging.Objections;
using ContestSite.Web.Judging.UseCases;
using ContestSite.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ContestSite.Web.Judging.Admin;

/// <summary>A round's objections for organizers: each with its entry, team, reason and attachment, answered once.</summary>
[RequirePermission(JudgingPermissions.Manage)]
public sealed class ObjectionsModel(ContestDbContext db, IStringLocalizerFactory localizers) : JudgingPageModel(localizers)
{
    public sealed record Line(Objection Objection, string EntryTitle, string TeamName, string RaisedBy);
    public string RoundName { get; private set; } = "";
    public int RoundId { get; private set; }
    public IReadOnlyList<Line> Lines { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync([FromRoute] int id) => await LoadAsync(id) ?? Page();

    public async Task<IActionResult> OnPostAnswerAsync([FromRoute] int id, int objectionId, string? answer, bool isPublic, [FromServices] ResultObjections objections)
    {
        if (await LoadAsync(id) is { } notFound) return notFound;
        var result = await objections.AnswerAsync(id, objectionId, UserId, answer, isPublic);
        if (!result.Allowed) { ShowRefusal(result); return Page(); }
        Announce("已答复，提出人会收到邮件。");
        return Redirect($"/admin/judging/rounds/{id}/objections");
    }

    private async Task<IActionResult?> LoadAsync(int id)
    {
        var round = await db.Rounds.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id);
        if (round is null) return NotFound();
        (RoundId, RoundName) = (id, round.Name);
        var objections = await db.Objections.AsNoTracking().Where(o => o.RoundId == id)
            .OrderBy(o => o.Status).ThenBy(o => o.RaisedAt).ToListAsync();
        var titles = await EntryTitles.ForAsync(db, objections.Select(o => o.SubmissionId));
        var teamIds = objections.Select(o => o.TeamId).Distinct().ToList();
        var teams = await db.Teams.AsNoTracking().Where(t => teamIds.Contains(t.Id)).ToDictionaryAsync(t => t.Id, t => t.Name);
        var userIds = objections.Select(o => o.RaisedByUserId).Distinct().ToList();
        var people = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName ?? u.Email ?? u.Id);
        Lines = objections.Select(o => new Line(o, titles.GetValueOrDefault(o.SubmissionId, ""), teams.GetValueOrDefault(o.TeamId, ""), people.GetValueOrDefault(o.RaisedByUserId, ""))).ToList();
        return null;
    }
}
