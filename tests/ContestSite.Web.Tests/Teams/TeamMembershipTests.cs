using System.Net;
using ContestSite.Core.Teams;
using ContestSite.Web.Tests.Infrastructure;
using static ContestSite.Web.Tests.Teams.TeamTestKit;

namespace ContestSite.Web.Tests.Teams;

/// <summary>
/// Every test works with accounts and teams of its own (addresses named after the test), so they share one site per
/// provider and count audit entries against what was there before.
/// </summary>
public sealed class TeamMembershipTests(TeamMembershipTests.DuringRegistrationSites shared) : IClassFixture<TeamMembershipTests.DuringRegistrationSites>
{
    public sealed class DuringRegistrationSites : SharedSites
    {
        protected override Task<SiteFactory> StartAsync(TestProvider provider) => SiteAsync(provider);
    }

    private static Task<SiteClient.Page> ActAsync(SiteClient client, int teamId, string handler, Dictionary<string, string>? fields = null) =>
        client.PostFormAsync($"/teams/{teamId}", fields ?? [], $"/teams/{teamId}?handler={handler}");

    [Theory]
    [InlineData(TestProvider.Sqlite)]
    [InlineData(TestProvider.Postgres)]
    public async Task A_captain_cannot_leave_without_handing_over_and_can_leave_after_handing_over(TestProvider provider)
    {
        var site = await shared.ForAsync(provider);
        using var captain = await site.ContestantAsync("handover-captain@test.local");
        using var member = await site.ContestantAsync("handover-member@test.local");
        var teamId = await captain.CreateTeamAsync(site, "移交队");
        await member.JoinAsync(await site.InviteCodeAsync(teamId), "李队员");
        var memberId = (await site.TeamAsync(teamId)).Members.Single(m => m.Role == TeamRole.Member).UserId;
        var (captainChanges, departures) = (await site.AuditCountAsync("team.captain-changed"), await site.AuditCountAsync("team.member-left"));

        var refused = await ActAsync(captain, teamId, "Leave");
        Assert.Contains("队长不能直接退出团队，请先把队长移交给其他成员", refused.Text);
        Assert.Equal(2, (await site.TeamAsync(teamId)).Members.Count);

        await ActAsync(captain, teamId, "HandOver", new() { ["memberId"] = memberId });
        var left = await ActAsync(captain, teamId, "Leave");

        Assert.Equal(HttpStatusCode.Redirect, left.Status);
        var team = await site.TeamAsync(teamId);
        Assert.Equal(memberId, Assert.Single(team.Members).UserId);
        Assert.Equal(TeamRole.Captain, team.Members.Single().Role);
        Assert.Equal(captainChanges + 1, await site.AuditCountAsync("team.captain-changed"));
        Assert.Equal(departures + 1, await site.AuditCountAsync("team.member-left"));
    }

    [Theory]
    [InlineData(TestProvider.Sqlite)]
    [InlineData(TestProvider.Postgres)]
    public async Task The_last_member_of_a_team_cannot_be_removed(TestProvider provider)
    {
        var site = await shared.ForAsync(provider);
        using var captain = await site.ContestantAsync("last-captain@test.local");
        var teamId = await captain.CreateTeamAsync(site, "独行队");
        var captainId = (await site.TeamAsync(teamId)).Members.Single().UserId;
        var removals = await site.AuditCountAsync("team.member-removed");

        var page = await ActAsync(captain, teamId, "Remove", new() { ["memberId"] = captainId });

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("不能移除团队的最后一名成员", page.Text);
        Assert.Single((await site.TeamAsync(teamId)).Members);
        Assert.Equal(removals, await site.AuditCountAsync("team.member-removed"));
    }

    [Theory]
    [InlineData(TestProvider.Sqlite)]
    [InlineData(TestProvider.Postgres)]
    public async Task A_member_of_one_team_can_neither_read_nor_change_another_team_by_its_id(TestProvider provider)
    {
        var site = await shared.ForAsync(provider);
        using var captainA = await site.ContestantAsync("byid-a@test.local");
        using var captainB = await site.ContestantAsync("byid-b@test.local");
        var teamA = await captainA.CreateTeamAsync(site, "甲队");
        var teamB = await captainB.CreateTeamAsync(site, "乙队", "乙队长");
        var before = await site.TeamAsync(teamB);
        var fields = await site.TeamFieldsAsync("被改名");

        var read = await captainA.GetAsync($"/teams/{teamB}");
        var editForm = await captainA.GetAsync($"/teams/{teamB}/edit");
        var edit = await captainA.PostFormAsync($"/teams/{teamA}/edit", fields, $"/teams/{teamB}/edit");
        var remove = await captainA.PostFormAsync($"/teams/{teamA}", new Dictionary<string, string> { ["memberId"] = before.Members.Single().UserId }, $"/teams/{teamB}?handler=Remove");
        var admin = await captainA.GetAsync($"/admin/teams/{teamB}");

        Assert.Equal(HttpStatusCode.NotFound, read.Status);
        Assert.DoesNotContain("乙队长", read.Text);
        Assert.Equal(HttpStatusCode.NotFound, editForm.Status);
        Assert.Equal(HttpStatusCode.NotFound, edit.Status);
        Assert.Equal(HttpStatusCode.NotFound, remove.Status);
        Assert.Contains("/account/access-denied", admin.Location?.OriginalString ?? "");
        var after = await site.TeamAsync(teamB);
        Assert.Equal((before.Name, before.Version, 1), (after.Name, after.Version, after.Members.Count));
        Assert.Equal("甲队", (await site.TeamAsync(teamA)).Name);
    }

    [Theory]
    [InlineData(TestProvider.Sqlite)]
    [InlineData(TestProvider.Postgres)]
    public async Task Posting_fields_the_form_does_not_have_changes_nothing_they_name(TestProvider provider)
    {
        var site = await shared.ForAsync(provider);
        using var captain = await site.ContestantAsync("overpost-captain@test.local");
        using var other = await site.ContestantAsync("overpost-other@test.local");
        var teamId = await captain.CreateTeamAsync(site, "正直队");
        var otherTeam = await other.CreateTeamAsync(site, "旁观队", "旁观者");
        var otherUserId = (await site.TeamAsync(otherTeam)).Members.Single().UserId;
        var fields = await site.TeamFieldsAsync("正直队改");
        foreach (var name in new[] { "Id", "Team.Id", "TeamId", "Team.ContestId" }) fields[name] = otherTeam.ToString(System.Globalization.CultureInfo.InvariantCulture);
        foreach (var name in new[] { "Status", "Team.Status" }) fields[name] = nameof(TeamStatus.Approved);
        foreach (var name in new[] { "CaptainId", "Team.CaptainId", "Team.Members[0].UserId", "Team.Version" }) fields[name] = otherUserId;

        var saved = await captain.PostFormAsync($"/teams/{teamId}/edit", fields);

        Assert.Equal(HttpStatusCode.Redirect, saved.Status);
        var team = await site.TeamAsync(teamId);
        Assert.Equal(("正直队改", TeamStatus.Draft), (team.Name, team.Status));
        Assert.NotEqual(otherUserId, team.Captain!.UserId);
        var untouched = await site.TeamAsync(otherTeam);
        Assert.Equal(("旁观队", TeamStatus.Draft, otherUserId), (untouched.Name, untouched.Status, untouched.Captain!.UserId));
    }

    [Fact]
    public async Task A_captain_withdraws_the_team_and_its_invite_code_stops_working()
    {
        var site = await shared.ForAsync(TestProvider.Sqlite);
        using var captain = await site.ContestantAsync("withdraw-captain@test.local");
        using var person = await site.ContestantAsync("withdraw-person@test.local");
        var teamId = await captain.CreateTeamAsync(site, "退赛队");
        var code = await site.InviteCodeAsync(teamId);

        var withdrawn = await captain.PostFormAsync($"/teams/{teamId}/withdraw", new Dictionary<string, string> { ["confirmed"] = "true" }, $"/teams/{teamId}?handler=Withdraw");
        var join = await person.JoinAsync(code, "周九");

        Assert.Equal(HttpStatusCode.Redirect, withdrawn.Status);
        Assert.Equal(TeamStatus.Withdrawn, (await site.TeamAsync(teamId)).Status);
        Assert.Contains("该邀请码已被队长停用", join.Text);
        Assert.Single((await site.TeamAsync(teamId)).Members);
    }

    [Fact]
    public async Task Withdrawing_a_team_asks_first_on_a_page_that_names_the_consequence_and_a_post_without_the_confirmation_changes_nothing()
    {
        var site = await shared.ForAsync(TestProvider.Sqlite);
        using var captain = await site.ContestantAsync("confirm-captain@test.local");
        var teamId = await captain.CreateTeamAsync(site, "三思队");
        var statusChanges = await site.AuditCountAsync("team.status-changed");

        var details = await captain.GetAsync($"/teams/{teamId}");
        var confirmation = await captain.GetAsync($"/teams/{teamId}/withdraw");
        var unconfirmed = await ActAsync(captain, teamId, "Withdraw");
        var forged = await ActAsync(captain, teamId, "Withdraw", new() { ["confirmed"] = "false" });

        Assert.Contains($"href=\"/teams/{teamId}/withdraw\"", details.Html);
        Assert.Equal(HttpStatusCode.OK, confirmation.Status);
        Assert.Contains("团队“三思队”退赛后不能撤销", confirmation.Text);
        Assert.Contains($"href=\"/teams/{teamId}\"", confirmation.Html);
        Assert.Contains("name=\"confirmed\" value=\"true\"", confirmation.Html);
        Assert.All([unconfirmed, forged], page => Assert.Equal($"/teams/{teamId}/withdraw", page.Location?.OriginalString));
        Assert.Equal(TeamStatus.Draft, (await site.TeamAsync(teamId)).Status);
        Assert.Equal(statusChanges, await site.AuditCountAsync("team.status-changed"));
    }

    [Fact]
    public async Task A_member_who_is_not_the_captain_is_told_on_the_confirmation_page_that_they_cannot_withdraw_the_team()
    {
        var site = await shared.ForAsync(TestProvider.Sqlite);
        using var captain = await site.ContestantAsync("notcaptain-captain@test.local");
        using var member = await site.ContestantAsync("notcaptain-member@test.local");
        using var stranger = await site.ContestantAsync("notcaptain-stranger@test.local");
        var teamId = await captain.CreateTeamAsync(site, "队员队");
        await member.JoinAsync(await site.InviteCodeAsync(teamId), "孙八");

        var page = await member.GetAsync($"/teams/{teamId}/withdraw");
        var posted = await ActAsync(member, teamId, "Withdraw", new() { ["confirmed"] = "true" });
        var outsider = await stranger.GetAsync($"/teams/{teamId}/withdraw");

        Assert.DoesNotContain("name=\"confirmed\"", page.Html);
        Assert.Contains("只有队长", page.Text);
        Assert.Contains("只有队长", posted.Text);
        Assert.Equal(HttpStatusCode.NotFound, outsider.Status);
        Assert.Equal(TeamStatus.Draft, (await site.TeamAsync(teamId)).Status);
    }
}
