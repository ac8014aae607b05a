using System.Net;
using ContestSite.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ContestSite.Web.Tests.Security;

/// <summary>
/// The checks that only read, refuse, or change one account of their own share a site; granting a permission to a
/// role and disabling an account (which moves the clock) have their own.
/// </summary>
public sealed class PermissionTests(SharedSite shared) : IClassFixture<SharedSite>
{
    [Fact]
    public async Task An_anonymous_visitor_is_sent_to_sign_in_when_opening_the_admin()
    {
        var site = shared.Site;
        using var client = site.CreateSiteClient();

        var page = await client.GetAsync("/admin");

        Assert.Equal(HttpStatusCode.Redirect, page.Status);
        Assert.StartsWith("/account/login", page.Location!.PathAndQuery);
    }

    [Theory]
    [InlineData("/admin")]
    [InlineData("/admin/users")]
    [InlineData("/admin/roles")]
    [InlineData("/admin/contest")]
    public async Task A_contestant_is_denied_every_admin_page(string url)
    {
        var site = shared.Site;
        var email = $"player-{Guid.NewGuid():N}@example.com"; // one account per row, on the shared site
        await site.CreateUserAsync(email, "Player-pass-1", "Contestant");
        using var client = site.CreateSiteClient();
        await client.SignInAsync(email, "Player-pass-1");

        var page = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.Redirect, page.Status);
        Assert.StartsWith("/account/access-denied", page.Location!.PathAndQuery);
    }

    [Fact]
    public async Task The_organizer_sees_the_admin_link_and_the_admin_pages()
    {
        var site = shared.Site;
        using var client = await site.OrganizerAsync();

        Assert.Contains("href=\"/admin\"", (await client.GetAsync("/")).Html);
        foreach (var url in new[] { "/admin", "/admin/users", "/admin/roles", "/admin/roles/Judge", "/admin/contest", "/admin/contest/rounds/new" })
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(url)).Status);
    }

    [Fact]
    public async Task Granting_a_permission_to_a_role_opens_the_page_to_its_members()
    {
        await using var site = await SiteFactory.CreateAsync();
        await site.CreateUserAsync("judge@example.com", "Judge-pass-1", "Judge");
        using var judge = site.CreateSiteClient();
        await site.SignInAsync(judge, "judge@example.com", "Judge-pass-1");
        Assert.Equal(HttpStatusCode.Redirect, (await judge.GetAsync("/admin")).Status);

        using var organizer = await site.OrganizerAsync();
        var saved = await organizer.PostFormAsync("/admin/roles/Judge", new Dictionary<string, string>
        {
            ["Description"] = "评委", ["Granted"] = "admin.access",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.Status);

        // The judge's cookie is rebuilt from the database by the security-stamp check, at most a minute later.
        site.Clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(HttpStatusCode.OK, (await judge.GetAsync("/admin")).Status);
        Assert.True(await site.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == "account.role-permissions-changed" && e.Subject == "role:Judge")));
    }

    [Fact]
    public async Task A_role_grid_post_with_an_unknown_permission_changes_nothing()
    {
        var site = shared.Site;
        using var organizer = await site.OrganizerAsync();
        var before = await site.WithDbAsync(db => db.RoleClaims.CountAsync());

        var page = await organizer.PostFormAsync("/admin/roles/Judge", new Dictionary<string, string> { ["Granted"] = "root.everything" });

        Assert.Contains("未知权限", page.Text);
        Assert.Equal(before, await site.WithDbAsync(db => db.RoleClaims.CountAsync()));
    }

    [Fact]
    public async Task The_organizer_role_cannot_lose_the_right_to_manage_roles()
    {
        var site = shared.Site;
        using var organizer = await site.OrganizerAsync();
        var before = await site.WithDbAsync(db => db.RoleClaims.CountAsync());

        var page = await organizer.PostFormAsync("/admin/roles/Organizer", new Dictionary<string, string> { ["Granted"] = "admin.access" });

        Assert.Contains("组织者角色必须保留", page.Text);
        Assert.Equal(before, await site.WithDbAsync(db => db.RoleClaims.CountAsync()));
    }

    [Fact]
    public async Task An_organizer_gives_a_user_the_judge_role_and_the_change_is_audited()
    {
        var site = shared.Site;
        var user = await site.CreateUserAsync("newjudge@example.com", "Judge-pass-1", "Contestant");
        using var organizer = await site.OrganizerAsync();

        var saved = await organizer.PostFormAsync($"/admin/users/{user.Id}", new Dictionary<string, string> { ["SelectedRoles"] = "Judge" }, $"/admin/users/{user.Id}?handler=Roles");

        Assert.Equal(HttpStatusCode.Redirect, saved.Status);
        var roles = await site.WithDbAsync(db => db.UserRoles.Where(ur => ur.UserId == user.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => r.Name).ToListAsync());
        Assert.Equal(["Judge"], roles);
        var entry = await site.WithDbAsync(db => db.AuditEntries.SingleAsync(e => e.Action == "account.roles-changed" && e.Subject == $"user:{user.Id}"));
        Assert.Contains("added: Judge", entry.Detail);
        Assert.Contains("removed: Contestant", entry.Detail);
        Assert.Equal(SiteFactory.OrganizerEmail, entry.ActorName);
    }

    [Fact]
    public async Task A_disabled_account_is_signed_out_and_cannot_sign_in_again()
    {
        await using var site = await SiteFactory.CreateAsync();
        var user = await site.CreateUserAsync("bad@example.com", "Bad-pass-123", "Contestant");
        using var member = site.CreateSiteClient();
        await member.SignInAsync("bad@example.com", "Bad-pass-123");
        Assert.Equal(HttpStatusCode.OK, (await member.GetAsync("/account/manage")).Status);

        using var organizer = await site.OrganizerAsync();
        await organizer.PostFormAsync($"/admin/users/{user.Id}", new Dictionary<string, string>(), $"/admin/users/{user.Id}?handler=ToggleDisabled");

        site.Clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(HttpStatusCode.Redirect, (await member.GetAsync("/account/manage")).Status);
        Assert.Contains("该账号已被停用", (await member.SignInAsync("bad@example.com", "Bad-pass-123")).Text);
        Assert.True(await site.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == "account.disabled" && e.Subject == $"user:{user.Id}")));
    }
}
