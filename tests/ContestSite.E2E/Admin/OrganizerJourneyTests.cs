using ContestSite.E2E.Infrastructure;
using ContestSite.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ContestSite.E2E.Admin;

[Collection(BrowserCollection.Name)]
public sealed class OrganizerJourneyTests(BrowserFixture browser)
{
    [Fact]
    public async Task An_organizer_changes_the_team_size_limit_in_the_contest_settings_and_sees_it_after_a_reload()
    {
        await using var site = await SiteFactory.CreateAsync(realPort: true);
        var root = site.RootUri!;
        var page = await browser.NewPageAsync();
        await page.SignInAsync(site, SiteFactory.OrganizerEmail, SiteFactory.OrganizerPassword);

        await page.Locator("header").GetByRole(AriaRole.Link, new() { Name = "管理后台" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Uri(root, "/admin").ToString());
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "管理后台", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync("2020 浙江省数据开放创新应用大赛");
        await Screenshots.TakeAsync(page, "admin-index");

        await page.GetByRole(AriaRole.Navigation, new() { Name = "管理菜单" }).GetByRole(AriaRole.Link, new() { Name = "赛事设置" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Uri(root, "/admin/contest").ToString());
        var maxTeamSize = page.GetByLabel("团队最多人数");
        await Expect(maxTeamSize).ToHaveValueAsync("5");
        await maxTeamSize.FillAsync("7");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存", Exact = true }).First.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("赛事设置已保存。");

        await page.ReloadAsync();
        await Expect(page.GetByLabel("团队最多人数")).ToHaveValueAsync("7");
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveCountAsync(0);
        Assert.Equal(7, await site.WithDbAsync(db => db.Contests.Select(c => c.MaxTeamSize).SingleAsync()));
        await Screenshots.TakeAsync(page, "admin-contest");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task An_organizer_opens_a_role_and_sees_its_permission_grid_with_the_granted_permissions_ticked()
    {
        await using var site = await SiteFactory.CreateAsync(realPort: true);
        var root = site.RootUri!;
        var page = await browser.NewPageAsync();
        await page.SignInAsync(site, SiteFactory.OrganizerEmail, SiteFactory.OrganizerPassword);

        await page.GotoAsync(new Uri(root, "/admin").ToString());
        await page.GetByRole(AriaRole.Navigation, new() { Name = "管理菜单" }).GetByRole(AriaRole.Link, new() { Name = "角色与权限" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Uri(root, "/admin/roles").ToString());
        var roles = page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Table);
        foreach (var role in new[] { "Organizer", "Judge", "Contestant", "Anonymous" })
            await Expect(roles.Locator($"a[href='/admin/roles/{role}']")).ToBeVisibleAsync();
        await Screenshots.TakeAsync(page, "admin-roles");

        await roles.Locator("a[href='/admin/roles/Judge']").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Uri(root, "/admin/roles/Judge").ToString());
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("评委");
        var grid = page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Group);
        Assert.True(await grid.CountAsync() >= 2, "the permission grid shows one group per category");
        var boxes = page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Checkbox);
        Assert.True(await boxes.CountAsync() >= 7, "every permission of the site has a checkbox");
        await Expect(page.Locator("input[name='Granted'][value='announcements.view']")).ToBeCheckedAsync();
        await Expect(page.Locator("input[name='Granted'][value='contests.manage']")).Not.ToBeCheckedAsync();
        await Expect(page.Locator("input[name='Granted'][value='accounts.roles.manage']")).Not.ToBeCheckedAsync();
        await Screenshots.TakeAsync(page, "admin-role-judge");
        await page.Context.CloseAsync();
    }
}
