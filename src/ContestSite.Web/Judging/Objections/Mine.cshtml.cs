using ContestSite.Core.Judging;
using ContestSite.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ContestSite.Web.Judging.Objections;

/// <summary>A team's own objections on a round and the organizers' answers, the private ones included.</summary>
[Authorize]
public sealed class MineModel(ContestDbContext db, IStringLocalizerFactory localizers) : JudgingPageModel(localizers)
{
    public sealed record Line(Objection Objection, string EntryTitle);
    public string RoundName { get; private set; } = "";
    public IReadOnlyList<Line> Objections { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync([FromRoute] int id)
    {
        var round = await db.Rounds.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id);
        if (round is null) return NotFound();
        RoundName = round.Name;
        var teams = await db.TeamMembers.AsNoTracking().Where(m => m.UserId == UserId).Select(m => m.TeamId).ToListAsync();
        var objections = await db.Objections.AsNoTracking().Where(o => o.RoundId == id && teams.Contains(o.TeamId)).OrderByDescending(o => o.RaisedAt).ToListAsync();
        var titles = await EntryTitles.ForAsync(db, objections.Select(o => o.SubmissionId));
        Objections = objections.Select(o => new Line(o, titles.GetValueOrDefault(o.SubmissionId, ""))).ToList();
        return Page();
    }
}
