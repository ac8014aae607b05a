using System.Net;
using System.Security.Claims;
using ContestSite.Data.Accounts;
using ContestSite.Web.Security;
using ContestSite.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace ContestSite.Web.Tests.Accounts;

/// <summary>A role granted or removed applies to the person's next request, without signing in again and without waiting.</summary>
public sealed class RoleChangeTests
{
    private const string Reviewer = "评审助理";

    private static async Task<SiteClient.Page> SetRolesAsync(SiteClient organizer, string userId, params string[] roles)
    {
        var token = (await organizer.GetAsync($"/admin/users/{userId}")).AntiforgeryToken!;
        return await organizer.PostAsync($"/admin/users/{userId}?handler=Roles",
            roles.Select(r => new KeyValuePair<string, string>("SelectedRoles", r)).Append(new("__RequestVerificationToken", token)));
    }

    [Fact]
    public async Task A_role_granted_or_removed_while_signed_in_applies_on_the_very_next_request()
    {
        await using var site = await SiteFactory.CreateAsync();
        // A role of the organizers' own making that lets its holders review; a staff right, so its holder has an authenticator.
        await site.WithScopeAsync(async services =>
        {
            var roles = services.GetRequiredService<RoleManager<SiteRole>>();
            await roles.CreateAsync(new SiteRole { Name = Reviewer });
            await roles.AddClaimAsync((await roles.FindByNameAsync(Reviewer))!, new Claim(PermissionPolicies.ClaimType, "judging.review"));
        });
        var user = await site.CreateUserAsync("promoted@test.local", SiteBuilders.Password, "Contestant");
        await site.EnrolAuthenticatorAsync("promoted@test.local");
        using var person = await site.SignedInAsync("promoted@test.local");
        using var organizer = await site.OrganizerAsync();
        var start = site.Clock.GetUtcNow();
        Assert.Contains("/account/access-denied", (await person.GetAsync("/judging")).Location!.OriginalString);

        Assert.Equal(HttpStatusCode.Redirect, (await SetRolesAsync(organizer, user.Id, "Contestant", Reviewer)).Status);
        var promoted = await person.GetAsync("/judging");

        Assert.Equal(HttpStatusCode.OK, promoted.Status);
        Assert.Contains("评审工作台", promoted.Text);

        Assert.Equal(HttpStatusCode.Redirect, (await SetRolesAsync(organizer, user.Id, "Contestant")).Status);
        var demoted = await person.GetAsync("/judging");

        Assert.Contains("/account/access-denied", demoted.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await person.GetAsync("/")).Status);
        // Identity's own check refreshes roles once a minute: this happened well inside it.
        Assert.True(site.Clock.GetUtcNow() - start < TimeSpan.FromMinutes(1));
    }
}
