using System.Net;
using ContestSite.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ContestSite.Web.Tests.Accounts;

public sealed class AccountAdminTests
{
    private static async Task<(SiteClient Client, string Id)> OrganizerAsync(SiteFactory site) =>
        (await site.OrganizerAsync(), await site.OrganizerIdAsync());

    [Fact]
    public async Task An_organizer_cannot_take_the_organizer_role_from_themselves()
    {
        await using var site = await SiteFactory.CreateAsync();
        var (organizer, id) = await OrganizerAsync(site);
        using var _ = organizer;

        var page = await organizer.PostFormAsync($"/admin/users/{id}", new Dictionary<string, string> { ["SelectedRoles"] = "Judge" }, $"/admin/users/{id}?handler=Roles");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("不能移除自己的组织者角色", page.Text);
        var roles = await site.WithDbAsync(db => db.UserRoles.Where(ur => ur.UserId == id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => r.Name).ToListAsync());
        Assert.Contains("Organizer", roles);
        Assert.DoesNotContain("Judge", roles);
        Assert.False(await site.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == "account.roles-changed")));
    }

    [Fact]
    public async Task An_organizer_cannot_disable_their_own_account()
    {
        await using var site = await SiteFactory.CreateAsync();
        var (organizer, id) = await OrganizerAsync(site);
        using var _ = organizer;

        await organizer.PostFormAsync($"/admin/users/{id}", new Dictionary<string, string>(), $"/admin/users/{id}?handler=ToggleDisabled");

        Assert.False(await site.WithDbAsync(db => db.Users.Where(u => u.Id == id).Select(u => u.IsDisabled).SingleAsync()));
        Assert.Contains("不能停用自己的账号", (await organizer.GetAsync($"/admin/users/{id}")).Text);
        Assert.Equal(HttpStatusCode.OK, (await organizer.GetAsync("/admin")).Status);
    }

    [Fact]
    public async Task A_locked_account_is_unlocked_by_an_organizer_and_the_unlock_is_audited()
    {
        await using var site = await SiteFactory.CreateAsync();
        var user = await site.CreateUserAsync("locked@example.com", "Locked-pass-1", "Contestant");
        await site.WithDbAsync(db => db.Users.Where(u => u.Id == user.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.LockoutEnd, DateTimeOffset.UtcNow.AddHours(1)).SetProperty(u => u.AccessFailedCount, 5)));
        var (organizer, _) = await OrganizerAsync(site);
        using var __ = organizer;

        var unlocked = await organizer.PostFormAsync($"/admin/users/{user.Id}", new Dictionary<string, string>(), $"/admin/users/{user.Id}?handler=Unlock");
        var missing = await organizer.PostFormAsync($"/admin/users/{user.Id}", new Dictionary<string, string>(), "/admin/users/no-such-user?handler=Unlock");

        Assert.Equal(HttpStatusCode.Redirect, unlocked.Status);
        Assert.Equal(HttpStatusCode.NotFound, missing.Status);
        var after = await site.WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Id == user.Id));
        Assert.Null(after.LockoutEnd);
        Assert.Equal(0, after.AccessFailedCount);
        Assert.Equal(1, await site.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Action == "account.unlocked")));
        using var member = site.CreateSiteClient();
        Assert.Equal(HttpStatusCode.Redirect, (await member.SignInAsync("locked@example.com", "Locked-pass-1")).Status);
    }

    [Fact]
    public async Task A_new_role_is_created_and_deleted_but_a_built_in_role_cannot_be_deleted()
    {
        await using var site = await SiteFactory.CreateAsync();
        var (organizer, _) = await OrganizerAsync(site);
        using var __ = organizer;

        var created = await organizer.PostFormAsync("/admin/roles", new Dictionary<string, string> { ["NewRoleName"] = "数据审核员" });
        var again = await organizer.PostFormAsync("/admin/roles", new Dictionary<string, string> { ["NewRoleName"] = "数据审核员" });
        var deleted = await organizer.PostFormAsync($"/admin/roles/{Uri.EscapeDataString("数据审核员")}", new Dictionary<string, string>(),
            $"/admin/roles/{Uri.EscapeDataString("数据审核员")}?handler=Delete");
        await organizer.PostFormAsync("/admin/roles/Judge", new Dictionary<string, string>(), "/admin/roles/Judge?handler=Delete");

        Assert.Equal(HttpStatusCode.Redirect, created.Status);
        Assert.Equal(HttpStatusCode.OK, again.Status);
        Assert.Equal(HttpStatusCode.Redirect, deleted.Status);
        Assert.False(await site.WithDbAsync(db => db.Roles.AnyAsync(r => r.Name == "数据审核员")));
        Assert.True(await site.WithDbAsync(db => db.Roles.AnyAsync(r => r.Name == "Judge")));
        Assert.Contains("内置角色不能删除", (await organizer.GetAsync("/admin/roles/Judge")).Text);
        Assert.Equal(["account.role-created", "account.role-deleted"],
            await site.WithDbAsync(db => db.AuditEntries.Where(e => e.Action.StartsWith("account.role-")).OrderBy(e => e.Id).Select(e => e.Action).ToListAsync()));
    }
}
