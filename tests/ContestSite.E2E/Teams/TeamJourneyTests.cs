using System.Text.RegularExpressions;
using ContestSite.E2E.Infrastructure;
using ContestSite.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ContestSite.E2E.Teams;

[Collection(BrowserCollection.Name)]
public sealed partial class TeamJourneyTests(BrowserFixture browser)
{
    private const string Password = "Team-journey-2020";
    private const string CaptainEmail = "captain.zhang@example.com";
    private const string MemberEmail = "member.wang@example.com";
    private const string TeamName = "西湖数据先锋队";
    private const string CaptainPhone = "13900005678";
    private const string MemberPhone = "13812341234";

    /// <summary>Inside the default recipe's registration window (2020 contest), Beijing time.</summary>
    private static readonly DateTimeOffset DuringRegistration = new(2020, 9, 1, 10, 0, 0, TimeSpan.FromHours(8));

    [Fact]
    public async Task A_captain_creates_a_team_a_second_person_joins_by_the_invite_link_and_the_organizer_approves_the_submitted_team()
    {
        await using var site = await SiteFactory.CreateAsync(realPort: true, now: DuringRegistration); // cookies and invite codes are dated by this clock
        var root = site.RootUri!;
        await site.CreateUserAsync(CaptainEmail, Password, "Contestant");
        await site.CreateUserAsync(MemberEmail, Password, "Contestant");

        // The captain signs in, opens 我的团队 from the navigation and creates the team.
        var captain = await browser.NewPageAsync();
        await captain.SignInAsync(site, CaptainEmail, Password);
        await captain.GetByRole(AriaRole.Navigation, new() { Name = "主导航" }).GetByRole(AriaRole.Link, new() { Name = "我的团队" }).ClickAsync();
        await Expect(captain).ToHaveURLAsync(new Uri(root, "/teams/mine").ToString());
        await captain.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { Name = "创建团队" }).ClickAsync();
        await Expect(captain).ToHaveURLAsync(new Uri(root, "/teams/create").ToString());
        await captain.AssertNoSeriousViolationsAsync("the create-team form");

        await captain.GetByLabel("团队名称").FillAsync(TeamName);
        await captain.GetByLabel("赛道").SelectOptionAsync(new SelectOptionValue { Label = "数字政府" });
        await captain.GetByLabel("团队简介").FillAsync("用公交与空气质量开放数据改进市民出行");
        await captain.GetByRole(AriaRole.Radio, new() { Name = "学校" }).CheckAsync();
        await captain.GetByLabel("单位名称").FillAsync("浙江大学");
        await captain.GetByLabel("真实姓名").FillAsync("张队长");
        await captain.GetByLabel("手机号码").FillAsync(CaptainPhone);
        await captain.GetByLabel("所在单位").FillAsync("浙江大学计算机学院");
        await captain.GetByRole(AriaRole.Button, new() { Name = "创建团队" }).ClickAsync();

        await Expect(captain).ToHaveURLAsync(TeamPagePattern());
        var teamPath = new Uri(captain.Url).AbsolutePath;
        var heading = captain.GetByRole(AriaRole.Heading, new() { Level = 1 });
        await Expect(heading).ToContainTextAsync(TeamName);
        await Expect(heading.Locator(".badge")).ToHaveTextAsync("未提交");
        var members = captain.GetByRole(AriaRole.Main).GetByRole(AriaRole.Table).Locator("tbody tr");
        await Expect(members).ToHaveCountAsync(1);

        // The invite panel shows the code and the link to share.
        var invites = captain.Locator("section[aria-labelledby='invites']");
        await Expect(invites.GetByRole(AriaRole.Heading, new() { Name = "邀请成员" })).ToBeVisibleAsync();
        var inviteLink = (await invites.Locator("dt:has-text('邀请链接') + dd code").InnerTextAsync()).Trim();
        var code = (await invites.Locator("dt:has-text('邀请码') + dd code").InnerTextAsync()).Trim();
        Assert.Equal(new Uri(root, "/teams/join/" + code).ToString(), inviteLink);

        // A second person, in a browser of their own, opens the link, is asked to sign in and comes back to it.
        var member = await browser.NewPageAsync();
        await member.GotoAsync(inviteLink);
        await Expect(member).ToHaveURLAsync(new Regex("/account/login\\?ReturnUrl=", RegexOptions.IgnoreCase));
        await member.GetByLabel("邮箱", new() { Exact = true }).FillAsync(MemberEmail);
        await member.GetByLabel("密码", new() { Exact = true }).FillAsync(Password);
        await member.GetByRole(AriaRole.Button, new() { Name = "登录", Exact = true }).ClickAsync();
        await Expect(member).ToHaveURLAsync(inviteLink);
        await Expect(member.GetByRole(AriaRole.Heading, new() { Name = "加入团队", Level = 1 })).ToBeVisibleAsync();
        await Expect(member.GetByRole(AriaRole.Main)).ToContainTextAsync($"您受邀加入团队“{TeamName}”。");
        await Expect(member.GetByLabel("邀请码")).ToHaveValueAsync(code);
        await Screenshots.TakeDesktopAndMobileAsync(member, "team-join");
        await member.AssertNoSeriousViolationsAsync("the join page");

        await member.GetByLabel("真实姓名").FillAsync("王队员");
        await member.GetByLabel("手机号码").FillAsync(MemberPhone);
        await member.GetByLabel("所在单位").FillAsync("浙江工业大学");
        await member.GetByRole(AriaRole.Button, new() { Name = "加入团队" }).ClickAsync();
        await Expect(member).ToHaveURLAsync(new Uri(root, teamPath).ToString());
        await Expect(member.GetByRole(AriaRole.Status)).ToHaveTextAsync("您已加入团队。");
        await Expect(member.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync(TeamName);

        // The captain sees two members, the other one's phone masked, and submits the team.
        await captain.ReloadAsync();
        await Expect(members).ToHaveCountAsync(2);
        var memberRow = members.Filter(new() { HasText = "王队员" });
        await Expect(memberRow).ToContainTextAsync("队员");
        await Expect(memberRow).ToContainTextAsync("138****1234");
        await Expect(members.Filter(new() { HasText = "张队长" })).ToContainTextAsync(CaptainPhone);
        await Expect(captain.GetByRole(AriaRole.Main)).Not.ToContainTextAsync(MemberPhone);
        await Expect(captain.GetByRole(AriaRole.Main)).ToContainTextAsync("2 人");
        await Screenshots.TakeDesktopAndMobileAsync(captain, "team-page");
        await captain.AssertNoSeriousViolationsAsync("the team page");

        await captain.GetByRole(AriaRole.Button, new() { Name = "提交审核" }).ClickAsync();
        await Expect(heading.Locator(".badge")).ToHaveTextAsync("待审核");
        await Expect(captain.GetByRole(AriaRole.Button, new() { Name = "提交审核" })).ToHaveCountAsync(0);

        // The organizer finds the team under 团队 in the admin and approves it.
        var organizer = await browser.NewPageAsync();
        await organizer.SignInAsync(site, SiteFactory.OrganizerEmail, SiteFactory.OrganizerPassword);
        await organizer.Locator("header").GetByRole(AriaRole.Link, new() { Name = "管理后台" }).ClickAsync();
        await Expect(organizer).ToHaveURLAsync(new Uri(root, "/admin").ToString());
        await organizer.GetByRole(AriaRole.Navigation, new() { Name = "管理菜单" }).GetByRole(AriaRole.Link, new() { Name = "团队", Exact = true }).ClickAsync();
        await Expect(organizer).ToHaveURLAsync(new Uri(root, "/admin/teams").ToString());
        await Expect(organizer.GetByRole(AriaRole.Main)).ToContainTextAsync("共 1 个团队");
        var row = organizer.GetByRole(AriaRole.Main).GetByRole(AriaRole.Table).Locator("tbody tr").Filter(new() { HasText = TeamName });
        await Expect(row).ToHaveCountAsync(1);
        await Expect(row).ToContainTextAsync("数字政府");
        await Expect(row).ToContainTextAsync("待审核");
        await Expect(row).ToContainTextAsync("张队长");
        await Expect(row.Locator("td").Nth(5)).ToHaveTextAsync("2");
        await Screenshots.TakeDesktopAndMobileAsync(organizer, "admin-teams");
        await organizer.AssertNoSeriousViolationsAsync("the admin team list");

        await row.GetByRole(AriaRole.Link, new() { Name = TeamName }).ClickAsync();
        await Expect(organizer).ToHaveURLAsync(new Uri(root, "/admin" + teamPath).ToString());
        await Expect(organizer.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync(TeamName);
        await Expect(organizer.GetByRole(AriaRole.Main).GetByRole(AriaRole.Table)).ToContainTextAsync(MemberPhone); // organizers see whole numbers
        await Screenshots.TakeDesktopAndMobileAsync(organizer, "admin-team-detail");
        await organizer.AssertNoSeriousViolationsAsync("the admin team detail");
        await organizer.GetByRole(AriaRole.Button, new() { Name = "通过", Exact = true }).ClickAsync();
        await Expect(organizer.GetByRole(AriaRole.Heading, new() { Level = 1 }).Locator(".badge")).ToHaveTextAsync("已通过");
        await Expect(organizer.GetByRole(AriaRole.Button, new() { Name = "通过", Exact = true })).ToHaveCountAsync(0);

        // The captain sees the approval on the team page and in the mailbox.
        await captain.ReloadAsync();
        await Expect(heading.Locator(".badge")).ToHaveTextAsync("已通过");
        var mail = await site.Smtp.WaitForAsync(CaptainEmail, m => m.Subject?.Contains("已通过") == true);
        Assert.Equal($"团队“{TeamName}”已通过审核", mail.Subject);
        Assert.Contains($"您所在的团队“{TeamName}”已通过组委会审核", mail.TextBody);

        await member.Context.CloseAsync();
        await organizer.Context.CloseAsync();
        await captain.Context.CloseAsync();
    }

    [Fact]
    public async Task A_captain_withdraws_the_team_only_after_a_confirmation_page_and_cancelling_there_changes_nothing()
    {
        await using var site = await SiteFactory.CreateAsync(realPort: true, now: DuringRegistration);
        var root = site.RootUri!;
        var captainUser = await site.CreateUserAsync(CaptainEmail, Password, "Contestant");
        var teamId = await site.AddTeamAsync(TeamName, seats: [new TeamSeat(captainUser.Id, "张队长")]);
        var teamPage = new Uri(root, $"/teams/{teamId}").ToString();

        var captain = await browser.NewPageAsync();
        await captain.SignInAsync(site, CaptainEmail, Password);
        await captain.GotoAsync(teamPage);
        await captain.GetByRole(AriaRole.Link, new() { Name = "退赛", Exact = true }).ClickAsync();
        await Expect(captain.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("确认退赛");
        await Expect(captain.GetByRole(AriaRole.Main)).ToContainTextAsync($"团队“{TeamName}”退赛后不能撤销");
        await captain.AssertNoSeriousViolationsAsync("the withdrawal confirmation");
        await Screenshots.TakeAsync(captain, "team-withdraw-confirmation");

        await captain.GetByRole(AriaRole.Link, new() { Name = "取消，返回团队页" }).ClickAsync();
        await Expect(captain).ToHaveURLAsync(teamPage);
        await Expect(captain.GetByRole(AriaRole.Heading, new() { Level = 1 }).Locator(".badge")).ToHaveTextAsync("已通过");

        await captain.GetByRole(AriaRole.Link, new() { Name = "退赛", Exact = true }).ClickAsync();
        await captain.GetByRole(AriaRole.Button, new() { Name = "确认退赛" }).ClickAsync();
        await Expect(captain).ToHaveURLAsync(teamPage);
        await Expect(captain.GetByRole(AriaRole.Heading, new() { Level = 1 }).Locator(".badge")).ToHaveTextAsync("已退赛");
        await captain.Context.CloseAsync();
    }

    [GeneratedRegex(@"/teams/\d+$")]
    private static partial Regex TeamPagePattern();
}
