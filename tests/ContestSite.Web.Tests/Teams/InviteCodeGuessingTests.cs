using System.Net;
using ContestSite.Data.Accounts;
using ContestSite.Web.Security;
using ContestSite.Web.Tests.Accounts;
using ContestSite.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static ContestSite.Web.Tests.Teams.TeamTestKit;

namespace ContestSite.Web.Tests.Teams;

/// <summary>
/// Invite codes and staff invitation links cannot be guessed at speed, nor invitation mail sent in bulk: they are
/// throttled per address and per account.
/// </summary>
public sealed class InviteCodeGuessingTests
{
    private static Task<SiteFactory> SiteWithRealLimitsAsync() =>
        SiteFactory.CreateAsync(settings: SiteFactory.UseRealThrottleLimits, now: DuringRegistration);

    [Fact]
    public async Task Guessing_invite_codes_by_link_stops_after_ten_and_even_the_right_code_waits_for_the_window()
    {
        await using var site = await SiteWithRealLimitsAsync();
        using var captain = await site.ContestantAsync("captain@test.local");
        var code = await site.InviteCodeAsync(await captain.CreateTeamAsync(site, "猜码队"));
        using var guesser = await site.ContestantAsync("guesser@test.local");

        for (var i = 0; i < 10; i++) Assert.Equal(HttpStatusCode.OK, (await guesser.GetAsync($"/teams/join/WRONG{i:D3}")).Status);
        var throttled = await guesser.GetAsync($"/teams/join/{code}");

        Assert.Equal(HttpStatusCode.TooManyRequests, throttled.Status);
        Assert.DoesNotContain("猜码队", throttled.Text);
        Assert.NotNull(throttled.Headers.RetryAfter);
        Assert.Equal(HttpStatusCode.OK, (await guesser.GetAsync("/teams/join")).Status);

        site.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Contains("猜码队", (await guesser.GetAsync($"/teams/join/{code}")).Text);
    }

    [Fact]
    public async Task Joining_by_guessed_codes_is_throttled_and_the_throttled_join_adds_nobody()
    {
        await using var site = await SiteWithRealLimitsAsync();
        using var captain = await site.ContestantAsync("captain@test.local");
        var teamId = await captain.CreateTeamAsync(site, "守门队");
        var code = await site.InviteCodeAsync(teamId);
        using var guesser = await site.ContestantAsync("guesser@test.local");

        for (var i = 0; i < 10; i++) await guesser.PostAsync($"/teams/join/WRONG{i:D3}", new Dictionary<string, string>());
        var form = await guesser.GetAsync("/teams/join");
        var joined = await guesser.PostAsync($"/teams/join/{code}", new Dictionary<string, string>(MemberFields("Me", "王猜")) { ["Code"] = code, ["__RequestVerificationToken"] = form.AntiforgeryToken! });

        Assert.Equal(HttpStatusCode.TooManyRequests, joined.Status);
        Assert.Single((await site.TeamAsync(teamId)).Members);
    }

    [Fact]
    public async Task A_captain_mailing_invitations_in_bulk_is_stopped_after_three_while_the_teams_other_actions_stay_open()
    {
        await using var site = await SiteWithRealLimitsAsync();
        using var captain = await site.ContestantAsync("captain@test.local");
        var teamId = await captain.CreateTeamAsync(site, "邀请队");

        var answers = new List<SiteClient.Page>();
        for (var i = 0; i < 4; i++)
            answers.Add(await captain.PostFormAsync($"/teams/{teamId}", new Dictionary<string, string> { ["Email"] = $"friend{i}@test.local" }, $"/teams/{teamId}?handler=Invite"));
        var renewed = await captain.PostFormAsync($"/teams/{teamId}", new Dictionary<string, string>(), $"/teams/{teamId}?handler=RenewCode");

        Assert.All(answers.Take(3), a => Assert.Equal(HttpStatusCode.Redirect, a.Status));
        Assert.Equal(HttpStatusCode.TooManyRequests, answers[3].Status);
        Assert.NotNull(answers[3].Headers.RetryAfter);
        Assert.Equal(HttpStatusCode.Redirect, renewed.Status);
        Assert.Equal(0, await site.WithDbAsync(db => db.Outbox.CountAsync(m => m.ToAddress == "friend3@test.local")));
        await site.Smtp.WaitForAsync("friend2@test.local");
    }

    [Fact]
    public async Task Guessing_staff_invitation_links_is_throttled_and_the_throttled_acceptance_creates_no_account()
    {
        await using var site = await SiteWithRealLimitsAsync();
        using (var organizer = await site.OrganizerAsync())
            await organizer.InviteAsync(BuiltInRoles.Judge, "guessed-judge@test.local");
        var link = await site.InvitationLinkAsync("guessed-judge@test.local");
        using var guesser = site.NewClient();

        for (var i = 0; i < 10; i++) Assert.Equal(HttpStatusCode.OK, (await guesser.GetAsync($"/account/invitation/WRONG{i:D3}")).Status);
        var looked = await guesser.GetAsync(link);
        var token = (await guesser.GetAsync("/account/login")).AntiforgeryToken!;
        var accepted = await guesser.PostAsync(link, new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "猜中者", ["Input.Password"] = "Guessed-pass-2020", ["Input.ConfirmPassword"] = "Guessed-pass-2020", ["__RequestVerificationToken"] = token,
        });

        Assert.Equal(HttpStatusCode.TooManyRequests, looked.Status);
        Assert.DoesNotContain("guessed-judge@test.local", looked.Text);
        Assert.Equal(HttpStatusCode.TooManyRequests, accepted.Status);
        Assert.False(await site.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == "guessed-judge@test.local")));
        Assert.Equal(InvitationStatus.Pending, await site.WithDbAsync(db => db.Invitations.Where(i => i.Email == "guessed-judge@test.local").Select(i => i.Status).SingleAsync()));

        site.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Contains("为 guessed-judge@test.local 创建账号", (await guesser.GetAsync(link)).Text);
    }
}
