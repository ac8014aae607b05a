using System.Security.Claims;
using ContestSite.Core.Contests;
using ContestSite.Core.Submissions;
using ContestSite.Data;
using ContestSite.Web.Seasons;
using ContestSite.Web.Security;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ContestSite.Web.Submissions;

/// <summary>The rounds of the current contest with the team's entry in each.</summary>
[RequirePermission(SubmissionPermissions.Submit)]
public sealed class IndexModel(ContestDbContext db, CurrentContest current, TimeProvider clock) : PageModel
{
    public Contest? Contest { get; private set; }
    public int? TeamId { get; private set; }
    public Dictionary<int, Submission> Entries { get; private set; } = [];
    /// <summary>The rounds the team was not advanced into.</summary>
    public HashSet<int> NotAdvanced { get; private set; } = [];
    public DateTimeOffset Now { get; private set; }

    public async Task OnGetAsync()
    {
        Now = clock.GetUtcNow();
        Contest = await current.FindAsync();
        if (Contest is null) return;
        TeamId = await db.TeamIdOfPersonAsync(Contest.Id, User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "");
        if (TeamId is null) return;
        Entries = await db.Submissions.AsNoTracking().Where(s => s.TeamId == TeamId).ToDictionaryAsync(s => s.RoundId);
        foreach (var round in Contest.Rounds)
            if (!await db.MayEnterAsync(round, TeamId.Value)) NotAdvanced.Add(round.Id);
    }
}
