using System.Text.RegularExpressions;
using ContestSite.E2E.Infrastructure;
using ContestSite.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ContestSite.E2E.Home;

/// <summary>The README's "一个赛季十分钟 / a season in ten minutes", followed step by step on a fresh demo site.</summary>
[Collection(BrowserCollection.Name)]
public sealed class DemoWalkthroughTests(BrowserFixture browser)
{
    private const string Password = "Demo-pass-2026";
    private const string NewTeam = "数字政务小分队";

    [Fact]
    public async Task A_newcomer_plays_every_role_of_the_demo_season_as_the_readme_walks_through_it()
    {
        // As under `dotnet run`: the demo recipe, and the staff second factor off (Development), so every role signs in with the password alone.
        await using var site = await SiteFactory.CreateAsync(realPort: true, settings: s =>
        {
            s["ContestSite:Setup:Recipe"] = "demo";
            s["ContestSite:Setup:DemoPassword"] = Password;
            s["ContestSite:Accounts:RequireStaffSecondFactor"] = "false";
        });
        var root = site.RootUri!;

        // 1. Visitor: the live season and its pinned announcement; the catalogue with an open and a restricted dataset.
        var visitor = await browser.NewPageAsync();
        await visitor.GotoAsync(root.ToString());
        await Expect(visitor.GetByRole(AriaRole.Main)).ToContainTextAsync("演示赛季开始报名");
        await Screenshots.TakeDesktopAndMobileAsync(visitor, "demo-home");
        await visitor.GotoAsync(new Uri(root, "/datasets?q=" + Uri.EscapeDataString("社区老年人上门服务登记")).ToString());
        await visitor.GetByRole(AriaRole.Link, new() { Name = "社区老年人上门服务登记（演示样例）" }).First.ClickAsync();
        await Expect(visitor.GetByRole(AriaRole.Main)).ToContainTextAsync("受限开放");
        await Expect(visitor.GetByRole(AriaRole.Main)).ToContainTextAsync("身份证号");
        await Screenshots.TakeDesktopAndMobileAsync(visitor, "demo-restricted-dataset");
        await visitor.Context.CloseAsync();

        // 2. Newcomer: creates a team in 数字政府 and submits it to the organizers.
        var newcomer = await SignInAsync(root, "contestant@demo.contest.local");
        await newcomer.GotoAsync(new Uri(root, "/teams/create").ToString());
        await newcomer.GetByLabel("团队名称").FillAsync(NewTeam);
        await newcomer.GetByLabel("赛道").SelectOptionAsync(new SelectOptionValue { Label = "数字政府" });
        await newcomer.GetByRole(AriaRole.Radio, new() { Name = "个人" }).CheckAsync();
        await newcomer.GetByLabel("单位名称").FillAsync("个人参赛");
        await newcomer.GetByLabel("真实姓名").FillAsync("刘新人");
        await newcomer.GetByLabel("手机号码").FillAsync("13900139000");
        await newcomer.GetByLabel("所在单位").FillAsync("个人");
        await newcomer.GetByRole(AriaRole.Button, new() { Name = "创建团队" }).ClickAsync();
        var heading = newcomer.GetByRole(AriaRole.Heading, new() { Level = 1 });
        await Expect(heading).ToContainTextAsync(NewTeam);
        await newcomer.GetByRole(AriaRole.Button, new() { Name = "提交审核" }).ClickAsync();
        await Expect(heading.Locator(".badge")).ToHaveTextAsync("待审核");
        await Screenshots.TakeDesktopAndMobileAsync(newcomer, "demo-newcomer-team");

        // 3. Organizer: no authenticator asked; approves the team; sees the approved data application and the bundles.
        var organizer = await SignInAsync(root, "organizer@demo.contest.local");
        await organizer.GotoAsync(new Uri(root, "/admin/teams").ToString());
        var row = organizer.GetByRole(AriaRole.Main).GetByRole(AriaRole.Table).Locator("tbody tr").Filter(new() { HasText = NewTeam });
        await Expect(row).ToContainTextAsync("待审核");
        await Expect(organizer.GetByRole(AriaRole.Main).GetByRole(AriaRole.Table).Locator("tbody tr").Filter(new() { HasText = "银龄守护" })).ToContainTextAsync("已通过");
        await row.GetByRole(AriaRole.Link, new() { Name = NewTeam }).ClickAsync();
        await organizer.GetByRole(AriaRole.Button, new() { Name = "通过", Exact = true }).ClickAsync();
        await Expect(organizer.GetByRole(AriaRole.Heading, new() { Level = 1 }).Locator(".badge")).ToHaveTextAsync("已通过");
        await organizer.GotoAsync(new Uri(root, "/admin/data-applications?status=Approved").ToString());
        await Expect(organizer.GetByRole(AriaRole.Main)).ToContainTextAsync("银龄守护");
        await Screenshots.TakeDesktopAndMobileAsync(organizer, "demo-admin-data-applications");
        await organizer.GotoAsync(new Uri(root, "/admin/bundles").ToString());
        await Expect(organizer.GetByRole(AriaRole.Main)).ToContainTextAsync("数字社会");
        await Screenshots.TakeDesktopAndMobileAsync(organizer, "demo-admin-bundles");
        await organizer.Context.CloseAsync();

        // 4. Captain of 银龄守护: the bundle with the approved restricted dataset; the draft entry saved again and finalised.
        var captain = await SignInAsync(root, "captain2@demo.contest.local");
        await captain.GotoAsync(new Uri(root, "/bundles").ToString());
        await Expect(captain.GetByRole(AriaRole.Main)).ToContainTextAsync("社区老年人上门服务登记（演示样例）");
        await Screenshots.TakeDesktopAndMobileAsync(captain, "demo-captain-bundle");
        await captain.GotoAsync(new Uri(root, "/submissions").ToString());
        await captain.GetByRole(AriaRole.Link, new() { Name = "编辑作品" }).First.ClickAsync();
        await captain.GetByLabel("作品介绍（支持 Markdown）").FillAsync("## 做什么\n\n一张地图看清哪些老人离医疗和养老服务最远。");
        await captain.GetByRole(AriaRole.Button, new() { Name = "保存", Exact = true }).ClickAsync();
        await captain.GetByRole(AriaRole.Link, new() { Name = "定稿（第 2 版）" }).ClickAsync();
        await captain.GetByRole(AriaRole.Button, new() { Name = "确认定稿（第 2 版）" }).ClickAsync();
        await Expect(captain.GetByRole(AriaRole.Main)).ToContainTextAsync("定稿，已锁定");
        await Screenshots.TakeDesktopAndMobileAsync(captain, "demo-captain-finalised");
        await captain.Context.CloseAsync();

        // 5. Judge: the workspace opens without an authenticator (the second factor is off in Development); review is still ahead.
        var judge = await SignInAsync(root, "judge1@demo.contest.local");
        await judge.GotoAsync(new Uri(root, "/judging").ToString());
        await Expect(judge).ToHaveURLAsync(new Uri(root, "/judging").ToString());
        await Expect(judge.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
        await Screenshots.TakeDesktopAndMobileAsync(judge, "demo-judge-workspace");
        await judge.Context.CloseAsync();

        // 6. Captain of 公交到站通: the finalised entry with its screenshots.
        var firstCaptain = await SignInAsync(root, "captain1@demo.contest.local");
        await firstCaptain.GotoAsync(new Uri(root, "/submissions").ToString());
        await firstCaptain.GetByRole(AriaRole.Link, new() { Name = "编辑作品" }).First.ClickAsync();
        await Expect(firstCaptain.GetByRole(AriaRole.Main)).ToContainTextAsync("定稿，已锁定");
        await Expect(firstCaptain.GetByRole(AriaRole.Main)).ToContainTextAsync("screenshot-1.png");
        await Screenshots.TakeDesktopAndMobileAsync(firstCaptain, "demo-finalised-entry");
        await newcomer.Context.CloseAsync();
        await firstCaptain.Context.CloseAsync();
    }

    private async Task<IPage> SignInAsync(Uri root, string email)
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync(new Uri(root, "/account/login").ToString());
        await page.GetByLabel("邮箱", new() { Exact = true }).FillAsync(email);
        await page.GetByLabel("密码", new() { Exact = true }).FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录", Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("^" + Regex.Escape(root.ToString()) + "$"));
        return page;
    }
}
