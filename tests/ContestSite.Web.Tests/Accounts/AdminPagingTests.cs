using ContestSite.Data.Accounts;
using ContestSite.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace ContestSite.Web.Tests.Accounts;

public sealed class AdminPagingTests
{
    [Fact]
    public async Task The_second_page_of_the_user_list_shows_the_users_after_the_first_fifty()
    {
        await using var site = await SiteFactory.CreateAsync();
        await site.CreateUserAsync("aa-organizer@example.com", "Right-pass-123", "Organizer");
        // Password-less accounts: the list is what matters here, not sign-in.
        await site.WithScopeAsync(async services =>
        {
            var users = services.GetRequiredService<UserManager<SiteUser>>();
            for (var i = 0; i < 60; i++)
            {
                var email = $"pager-{i:D2}@example.com";
                await users.CreateAsync(new SiteUser { UserName = email, Email = email, DisplayName = email, CreatedAt = site.Clock.GetUtcNow() });
            }
        });
        using var client = site.CreateSiteClient();
        await site.SignInAsync(client, "aa-organizer@example.com", "Right-pass-123");

        var first = await client.GetAsync("/admin/users");
        var second = await client.GetAsync("/admin/users?page=2");

        Assert.Contains("pager-00@example.com", first.Text);
        Assert.DoesNotContain("pager-59@example.com", first.Text);
        Assert.Contains("pager-59@example.com", second.Text);
        Assert.DoesNotContain("pager-00@example.com", second.Text);
    }
}
