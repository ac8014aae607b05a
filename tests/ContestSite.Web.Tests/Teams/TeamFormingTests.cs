using System.Net;
using ContestSite.Core.Teams;
using ContestSite.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static ContestSite.Web.Tests.Teams.TeamTestKit;

namespace ContestSite.Web.Tests.Teams;

public sealed class TeamFormingTests
{
    [Theory]
    [InlineData(TestProvider.Sqlite)]
    [InlineData(TestProvider.Postgres)]
    public async Task A_captain_creates_a_team_a_second_person_joins_by_the_invite_link_and_the_captain_submits(TestProvider provider)
    {
        await using var site = await SiteAsync(provider);
        using var captain = await site.ContestantAsync("captain@test.local");
        using var member = await site.ContestantAsync("member@test.local");

        var teamId = await captain.CreateTeamAsync(site, "数据先锋");
        var code = await site.InviteCodeAsync(teamId);
        Assert.Contains("数据先锋", (await member.GetAsync($"/teams/join/{code}")).Text);
        var joined = await member.JoinAsync(code, "李队员");
        var submitted = await captain.PostFormAsync($"/teams/{teamId}", new Dictionary<string, string>(), $"/teams/{teamId}?handler=Submit");

        Assert.Equal(HttpStatusCode.Redirect, joined.Status);
        Assert.Equal(HttpStatusCode.Redirect, submitted.Status);
        var team = await site.TeamAsync(teamId);
        Assert.Equal(TeamStatus.Submitted, team.Status);
        Assert.Equal(["张队长", "李队员"], team.Members.OrderBy(m => m.Role).Select(m => m.RealName));
        Assert.Equal(1, await site.AuditCountAsync("team.created"));
        Assert.Equal(1, await site.AuditCountAsync("team.member-joined"));
        Assert.Equal(1, await site.AuditCountAsync("team.status-changed"));
        Assert.Equal($"/teams/{teamId}", (await member.GetAsync("/teams/mine")).Location?.OriginalString);
    }

    [Theory]
    [InlineData(TestProvider.Sqlite)]
    [InlineData(TestProvider.Postgres)]
    public async Task Creating_a_team_outside_the_registration_window_is_refused_and_creates_nothing(TestProvider provider)
    {
        await using var site = await SiteAsync(provider);
        site.Clock.SetUtcNow(new DateTimeOffset(2020, 10, 1, 9, 0, 0, TimeSpan.FromHours(8)));
        using var person = await site.ContestantAsync("late@test.local");

        var page = await person.PostCreateAsync(site, "迟到队");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("当前不在报名时间内：报名时间为 2020-08-01 00:00 至 2020-09-30 18:00", page.Text);
        Assert.Equal(0, await site.WithDbAsync(db => db.Teams.CountAsync()));
    }

    [Theory]
    [InlineData(TestProvider.Sqlite)]
    [InlineData(TestProvider.Postgres)]
    public async Task A_team_name_taken_in_another_case_or_in_full_width_characters_is_refused(TestProvider provider)
    {
        await using var site = await SiteAsync(provider);
        using var first = await site.ContestantAsync("first@test.local");
        using var second = await site.ContestantAsync("second@test.local");
        await first.CreateTeamAsync(site, "ＡＢＣ队");

        foreach (var name in new[] { "abc队", "ABC队", "ＡＢＣ队" })
        {
            var page = await second.PostCreateAsync(site, name);
            Assert.Equal(HttpStatusCode.OK, page.Status);
            Assert.Contains($"团队名称“{name}”已被使用", page.Text);
        }
        Assert.Equal(1, await site.WithDbAsync(db => db.Teams.CountAsync()));
        Assert.False(await site.WithDbAsync(db => db.TeamMembers.AnyAsync(m => m.RealName == "张队长" && m.UserId != db.TeamMembers.First().UserId)));
    }

    [Fact]
    public async Task A_team_name_with_markup_shows_as_text_on_the_page_and_in_the_invitation_mail()
    {
        await using var site = await SiteAsync();
        using var captain = await site.ContestantAsync("captain@test.local");
        const string name = "<script>alert(1)</script>队";

        var teamId = await captain.CreateTeamAsync(site, name);
        var page = await captain.GetAsync($"/teams/{teamId}");
        await captain.PostFormAsync($"/teams/{teamId}", new Dictionary<string, string> { ["Email"] = "friend@test.local" }, $"/teams/{teamId}?handler=Invite");
        var mail = await site.Smtp.WaitForAsync("friend@test.local");

        Assert.DoesNotContain("<script>alert(1)</script>", page.Html);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;队", page.Html);
        Assert.DoesNotContain("<script>", mail.HtmlBody);
        Assert.Contains("&lt;script&gt;", mail.HtmlBody);
        Assert.Contains(name, mail.TextBody);
        Assert.Contains($"/teams/join/{await site.InviteCodeAsync(teamId)}", mail.TextBody);
    }

    [Fact]
    public async Task The_invitation_mail_greets_a_registered_invitee_by_name_in_their_language_and_anyone_else_by_address()
    {
        await using var site = await SiteAsync();
        using var captain = await site.ContestantAsync("captain@test.local");
        var friend = await site.CreateUserAsync("friend@test.local");
        await site.WithDbAsync(db => db.Users.Where(u => u.Id == friend.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.DisplayName, "李小明").SetProperty(u => u.PreferredCulture, "en-US")));
        var teamId = await captain.CreateTeamAsync(site, "西湖队");

        await captain.PostFormAsync($"/teams/{teamId}", new Dictionary<string, string> { ["Email"] = "Friend@Test.local" }, $"/teams/{teamId}?handler=Invite");
        await captain.PostFormAsync($"/teams/{teamId}", new Dictionary<string, string> { ["Email"] = "stranger@test.local" }, $"/teams/{teamId}?handler=Invite");
        var known = await site.Smtp.WaitForAsync("Friend@Test.local");
        var unknown = await site.Smtp.WaitForAsync("stranger@test.local");

        Assert.StartsWith("Dear 李小明,", known.TextBody);
        Assert.DoesNotContain("您好", known.TextBody);
        Assert.StartsWith("stranger@test.local，您好：", unknown.TextBody);
    }
}
