using System.Net;
using ContestSite.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static ContestSite.Web.Tests.Teams.TeamTestKit;

namespace ContestSite.Web.Tests.Teams;

public sealed class TeamJoiningTests
{
    private static Task SetMaxTeamSizeAsync(SiteFactory site, int max) =>
        site.WithDbAsync(db => db.Contests.ExecuteUpdateAsync(c => c.SetProperty(x => x.MaxTeamSize, max)));

    [Theory]
    [InlineData(TestProvider.Sqlite)]
    [InlineData(TestProvider.Postgres)]
    public async Task Joining_a_full_team_is_refused_and_the_team_stays_as_it_was(TestProvider provider)
    {
        await using var site = await SiteAsync(provider);
        await SetMaxTeamSizeAsync(site, 2);
        using var captain = await site.ContestantAsync("captain@test.local");
        using var second = await site.ContestantAsync("second@test.local");
        using var third = await site.ContestantAsync("third@test.local");
        var teamId = await captain.CreateTeamAsync(site, "满员队");
        var code = await site.InviteCodeAsync(teamId);
        await second.JoinAsync(code, "王二");

        var page = await third.JoinAsync(code, "张三");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("团队已满：每队最多 2 人", page.Text);
        Assert.Equal(2, (await site.TeamAsync(teamId)).Members.Count);
    }

    [Theory]
    [InlineData(TestProvider.Sqlite)]
    [InlineData(TestProvider.Postgres)]
    public async Task A_person_in_one_team_cannot_join_a_second_team_of_the_same_contest(TestProvider provider)
    {
        await using var site = await SiteAsync(provider);
        using var first = await site.ContestantAsync("first@test.local");
        using var second = await site.ContestantAsync("second@test.local");
        var firstTeam = await first.CreateTeamAsync(site, "一队");
        var secondTeam = await second.CreateTeamAsync(site, "二队", "李队长");

        var page = await second.JoinAsync(await site.InviteCodeAsync(firstTeam), "李队长");

        Assert.Contains("您已加入本届赛事的一个团队，每人只能参加一个团队", page.Text);
        Assert.Single((await site.TeamAsync(firstTeam)).Members);
        Assert.Single((await site.TeamAsync(secondTeam)).Members);
    }

    [Theory]
    [InlineData(TestProvider.Sqlite)]
    [InlineData(TestProvider.Postgres)]
    public async Task Made_up_revoked_and_expired_invite_codes_are_refused_with_their_own_message(TestProvider provider)
    {
        await using var site = await SiteAsync(provider);
        using var captain = await site.ContestantAsync("captain@test.local");
        using var person = await site.ContestantAsync("person@test.local");
        var teamId = await captain.CreateTeamAsync(site, "邀请码队");

        var madeUp = await person.JoinAsync("ZZZZZZZZZZ", "赵六");
        var revokedCode = await site.InviteCodeAsync(teamId);
        await captain.PostFormAsync($"/teams/{teamId}", new Dictionary<string, string>(), $"/teams/{teamId}?handler=RevokeCode");
        var revoked = await person.JoinAsync(revokedCode, "赵六");
        await captain.PostFormAsync($"/teams/{teamId}", new Dictionary<string, string>(), $"/teams/{teamId}?handler=RenewCode");
        var renewedCode = await site.InviteCodeAsync(teamId);
        var oldCodeAfterRenewal = await person.JoinAsync(revokedCode, "赵六");
        site.Clock.Advance(TimeSpan.FromDays(8));
        var expired = await person.JoinAsync(renewedCode, "赵六");

        Assert.Contains("邀请码无效，请向队长核对邀请码", madeUp.Text);
        Assert.Contains("该邀请码已被队长停用", revoked.Text);
        Assert.Contains("邀请码无效", oldCodeAfterRenewal.Text);
        Assert.Contains("该邀请码已于 2020-09-08 10:00 过期", expired.Text);
        Assert.NotEqual(revokedCode, renewedCode);
        Assert.Single((await site.TeamAsync(teamId)).Members);
    }

    [Theory]
    [InlineData(TestProvider.Sqlite)]
    [InlineData(TestProvider.Postgres)]
    public async Task A_request_accepted_after_the_roster_lock_is_refused_and_nobody_joins(TestProvider provider)
    {
        await using var site = await SiteAsync(provider);
        using var captain = await site.ContestantAsync("captain@test.local");
        using var person = await site.ContestantAsync("person@test.local");
        var teamId = await captain.CreateTeamAsync(site, "锁定队");
        await person.PostFormAsync($"/teams/{teamId}/request", MemberFields("Me", "钱七"));
        var requestId = (await site.TeamAsync(teamId)).JoinRequests.Single().Id;

        site.Clock.SetUtcNow(AfterRosterLock);
        using var captainLater = site.CreateSiteClient();
        await captainLater.SignInAsync("captain@test.local", Password);
        var page = await captainLater.PostFormAsync($"/teams/{teamId}",
            new Dictionary<string, string> { ["requestId"] = requestId.ToString(System.Globalization.CultureInfo.InvariantCulture), ["accept"] = "true" },
            $"/teams/{teamId}?handler=Answer");

        Assert.Contains("团队名单已于 2020-10-15 18:00 锁定，如需调整请联系组委会", page.Text);
        var team = await site.TeamAsync(teamId);
        Assert.Single(team.Members);
        Assert.Equal(Core.Teams.JoinRequestStatus.Pending, team.JoinRequests.Single().Status);
    }

    [Theory]
    [InlineData(TestProvider.Sqlite)]
    [InlineData(TestProvider.Postgres)]
    public async Task Two_people_taking_the_last_free_place_at_the_same_moment_get_it_exactly_once(TestProvider provider)
    {
        await using var site = await SiteAsync(provider);
        await SetMaxTeamSizeAsync(site, 2);
        using var captain = await site.ContestantAsync("captain@test.local");
        using var first = await site.ContestantAsync("first@test.local");
        using var second = await site.ContestantAsync("second@test.local");
        var teamId = await captain.CreateTeamAsync(site, "抢位队");
        var url = $"/teams/join/{await site.InviteCodeAsync(teamId)}";
        var firstForm = await first.GetAsync(url);
        var secondForm = await second.GetAsync(url);

        var pages = await Task.WhenAll(
            first.PostAsync(url, new Dictionary<string, string>(MemberFields("Me", "先生", "13900000001")) { ["__RequestVerificationToken"] = firstForm.AntiforgeryToken! }),
            second.PostAsync(url, new Dictionary<string, string>(MemberFields("Me", "后生", "13900000002")) { ["__RequestVerificationToken"] = secondForm.AntiforgeryToken! }));

        Assert.Single(pages, p => p.Status == HttpStatusCode.Redirect);
        Assert.Contains("团队已满：每队最多 2 人", Assert.Single(pages, p => p.Status == HttpStatusCode.OK).Text);
        Assert.Equal(2, (await site.TeamAsync(teamId)).Members.Count);
        Assert.Equal(1, await site.AuditCountAsync("team.member-joined"));
    }

    [Fact]
    public async Task A_person_asks_to_join_the_captain_accepts_and_members_see_each_others_phone_masked()
    {
        await using var site = await SiteAsync();
        using var captain = await site.ContestantAsync("captain@test.local");
        using var person = await site.ContestantAsync("person@test.local");
        var teamId = await captain.CreateTeamAsync(site, "申请队");

        Assert.Contains("申请加入 申请队", (await person.GetAsync("/teams")).Text);
        await person.PostFormAsync($"/teams/{teamId}/request", new Dictionary<string, string>(MemberFields("Me", "孙八", "13700001234")) { ["Message"] = "我擅长数据分析" });
        var captainPage = await captain.GetAsync($"/teams/{teamId}");
        var requestId = (await site.TeamAsync(teamId)).JoinRequests.Single().Id;
        await captain.PostFormAsync($"/teams/{teamId}",
            new Dictionary<string, string> { ["requestId"] = requestId.ToString(System.Globalization.CultureInfo.InvariantCulture), ["accept"] = "true" },
            $"/teams/{teamId}?handler=Answer");
        var memberPage = await person.GetAsync($"/teams/{teamId}");

        Assert.Contains("137****1234", captainPage.Text);
        Assert.DoesNotContain("13700001234", captainPage.Text);
        Assert.Contains("13700001234", memberPage.Text);
        Assert.Contains("138****1234", memberPage.Text);
        Assert.DoesNotContain("13812341234", memberPage.Text);
        Assert.Equal(2, (await site.TeamAsync(teamId)).Members.Count);
    }
}
