using ContestSite.Core.Rules;
using ContestSite.Core.Teams;
using ContestSite.Data;
using ContestSite.Web.Seasons;
using ContestSite.Web.Security;
using ContestSite.Web.Teams.UseCases;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ContestSite.Web.Teams.Admin;

/// <summary>One team for organizers: whole phone numbers, the decision, disqualification and moving members.</summary>
[RequirePermission(TeamPermissions.ManageTeams)]
public sealed class TeamDetailModel(ContestDbContext db, CurrentContest current, IStringLocalizerFactory localizers) : ContestPageModel(localizers)
{
    public Team Team { get; private set; } = null!;
    public IReadOnlyList<(int Id, string Name)> OtherTeams { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync([FromRoute] int id) => await LoadAsync(id) ?? Page();

    public Task<IActionResult> OnPostApproveAsync([FromRoute] int id, [FromServices] DecideTeam decide) =>
        ActAsync(id, () => decide.RunAsync(id, approve: true, reason: null), "团队已通过审核，已通知团队成员。");

    public Task<IActionResult> OnPostRejectAsync([FromRoute] int id, string? reason, [FromServices] DecideTeam decide) =>
        ActAsync(id, () => decide.RunAsync(id, approve: false, reason), "已退回团队，已通知团队成员。");

    public Task<IActionResult> OnPostDisqualifyAsync([FromRoute] int id, string? reason, [FromServices] DisqualifyTeam disqualify) =>
        ActAsync(id, () => disqualify.DisqualifyAsync(id, reason), "已取消该团队的参赛资格。");

    public Task<IActionResult> OnPostRestoreAsync([FromRoute] int id, [FromServices] DisqualifyTeam disqualify) =>
        ActAsync(id, () => disqualify.RestoreAsync(id), "已恢复该团队的参赛资格。");

    public Task<IActionResult> OnPostMoveAsync([FromRoute] int id, string memberId, int toTeamId, [FromServices] MoveMember move) =>
        ActAsync(id, () => move.RunAsync(Contest!, id, memberId, toTeamId), "成员已调整到另一个团队。");

    private async Task<IActionResult> ActAsync(int id, Func<Task<RuleResult>> action, string successMessage)
    {
        if (await LoadAsync(id) is { } notFound) return notFound;
        var result = await action();
        if (result.Allowed)
        {
            Announce(successMessage);
            return Redirect($"/admin/teams/{id}");
        }
        ShowRefusal(result);
        db.ChangeTracker.Clear();
        await LoadAsync(id);
        return Page();
    }

    private async Task<IActionResult?> LoadAsync(int id)
    {
        Contest = await current.FindAsync();
        var team = Contest is null ? null : await db.TeamWithMembersAsync(id);
        if (team is null || team.ContestId != Contest!.Id) return NotFound();
        Team = team;
        var others = await db.Teams.AsNoTracking().Where(t => t.ContestId == team.ContestId && t.Id != team.Id
                && t.Status != TeamStatus.Withdrawn && t.Status != TeamStatus.Disqualified)
            .OrderBy(t => t.Name).Select(t => new { t.Id, t.Name }).Take(500).ToListAsync();
        OtherTeams = others.Select(t => (t.Id, t.Name)).ToList();
        return null;
    }
}
