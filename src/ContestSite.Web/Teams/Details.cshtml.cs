using ContestSite.Core.Rules;
using ContestSite.Core.Teams;
using ContestSite.Data;
using ContestSite.Web.Hosting;
using ContestSite.Web.Localization;
using ContestSite.Web.Seasons;
using ContestSite.Web.Security;
using ContestSite.Web.Teams.UseCases;
using ContestSite.Web.Throttling;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace ContestSite.Web.Teams;

/// <summary>
/// The team page for its members. Anyone who is not a member gets 404, whatever id they try, so team
/// ids reveal nothing. Every action acts on the team of the route and checks the person's role again.
/// </summary>
[RequirePermission(TeamPermissions.Participate)]
[Throttle(ThrottleRules.Mail, Handler = "Invite")]
public sealed class DetailsModel(ContestDbContext db, CurrentContest current, TimeProvider clock, PublicUrls urls,
    IEnumerable<ITeamPageSectionProvider> sectionProviders, IStringLocalizerFactory localizers) : ContestPageModel(localizers)
{
    public Team Team { get; private set; } = null!;
    /// <summary>What other features show the team (its certificates…), in their order.</summary>
    public IReadOnlyList<TeamPageSection> Sections { get; private set; } = [];
    public bool IsCaptain { get; private set; }
    public DateTimeOffset Now { get; private set; }
    public string InviteLink => Team.InviteCode is null ? "" : JoinLink(Team.InviteCode);
    public bool InviteCodeUsable => Team.InviteCode is not null && TeamRules.CheckInviteCode(Team, Now).Allowed;

    public string PhoneOf(TeamMember member) => MemberPrivacy.PhoneShownTo(member, UserId, viewerIsOrganizer: false);
    public string PhoneOf(JoinRequest request) => Core.Text.PersonalData.MaskPhone(request.Phone);
    public string NextStep => Text.Localize(TeamProgress.For(Team, Contest!, Now));

    public async Task<IActionResult> OnGetAsync([FromRoute] int id) => await LoadAsync(id) ?? Page();

    public Task<IActionResult> OnPostLeaveAsync([FromRoute] int id, [FromServices] LeaveTeam leave) =>
        ActAsync(id, () => leave.RunAsync(Contest!, id, UserId), "您已退出团队。", "/teams/mine");

    public Task<IActionResult> OnPostRemoveAsync([FromRoute] int id, string memberId, [FromServices] RemoveMember remove) =>
        ActAsync(id, () => remove.RunAsync(Contest!, id, UserId, memberId), "成员已移除。");

    public Task<IActionResult> OnPostHandOverAsync([FromRoute] int id, string memberId, [FromServices] HandOverCaptaincy handOver) =>
        ActAsync(id, () => handOver.RunAsync(id, UserId, memberId), "队长已移交。");

    public Task<IActionResult> OnPostSubmitAsync([FromRoute] int id, [FromServices] SubmitTeam submit) =>
        ActAsync(id, () => submit.RunAsync(Contest!, id, UserId), "团队已提交审核，请等待组委会审核结果。");

    /// <summary>退赛 cannot be undone: a post without the confirmation page's field only leads to that page.</summary>
    public Task<IActionResult> OnPostWithdrawAsync([FromRoute] int id, bool confirmed, [FromServices] WithdrawTeam withdraw) =>
        confirmed ? ActAsync(id, () => withdraw.RunAsync(id, UserId), "团队已退赛。") : Task.FromResult<IActionResult>(Redirect($"/teams/{id}/withdraw"));

    public Task<IActionResult> OnPostRenewCodeAsync([FromRoute] int id, [FromServices] ManageInviteCode invites) =>
        ActAsync(id, () => invites.RenewAsync(Contest!, id, UserId), "已生成新的邀请码，旧邀请码已失效。");

    public Task<IActionResult> OnPostRevokeCodeAsync([FromRoute] int id, [FromServices] ManageInviteCode invites) =>
        ActAsync(id, () => invites.RevokeAsync(Contest!, id, UserId), "邀请码已停用。");

    public Task<IActionResult> OnPostAnswerAsync([FromRoute] int id, int requestId, bool accept, [FromServices] AnswerJoinRequest answer) =>
        ActAsync(id, () => answer.RunAsync(Contest!, id, UserId, requestId, accept), accept ? "已接受申请，新成员已加入。" : "已拒绝申请。");

    public Task<IActionResult> OnPostInviteAsync([FromRoute] int id, [FromForm] InviteEmailInput invite, [FromServices] InviteByEmail inviteByEmail)
    {
        if (!ModelState.IsValid) return ActAsync(id, () => Task.FromResult(RuleResult.Refuse("请填写正确的邮箱地址")), "");
        return ActAsync(id, () => inviteByEmail.RunAsync(Contest!, id, UserId, invite.Email, JoinLink),
            "邀请邮件已发送。");
    }

    private string JoinLink(string code) => urls.Page("/Teams/Join", new { code });

    /// <summary>Runs an action for a member of the team: success redirects with a notice, refusal shows the page with the reason.</summary>
    private async Task<IActionResult> ActAsync(int id, Func<Task<RuleResult>> action, string successMessage, string? next = null)
    {
        if (await LoadAsync(id) is { } notFound) return notFound;
        var result = await action();
        if (result.Allowed)
        {
            Announce(successMessage);
            return Redirect(next ?? $"/teams/{id}");
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
        if (team is null || team.ContestId != Contest!.Id || team.MemberFor(UserId) is null) return NotFound();
        Team = team;
        IsCaptain = team.IsCaptain(UserId);
        Now = clock.GetUtcNow();
        var sections = new List<TeamPageSection>();
        foreach (var provider in sectionProviders)
            if (await provider.ForTeamAsync(team.Id, HttpContext.RequestAborted) is { } section) sections.Add(section);
        Sections = [.. sections.OrderBy(s => s.Order)];
        return null;
    }
}

public sealed class InviteEmailInput
{
    [System.ComponentModel.DataAnnotations.Required(ErrorMessage = "请填写邮箱")]
    [System.ComponentModel.DataAnnotations.EmailAddress(ErrorMessage = "邮箱地址格式不正确")]
    [System.ComponentModel.DataAnnotations.StringLength(254, ErrorMessage = "邮箱地址过长")]
    public string Email { get; set; } = "";
}
