using System.Security.Claims;
using ContestSite.Core.Catalog;
using ContestSite.Data.Accounts;
using ContestSite.Web.Security;
using Microsoft.AspNetCore.Identity;
using ContestSite.Web.Catalog.Review;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ContestSite.Web.Tests.Infrastructure;

/// <summary>
/// Publishing datasets as the site does: submitted for review by the site's organizer and approved by a second
/// organizer (four eyes), through the review's own use cases, for tests that need published data about something else.
/// </summary>
public static class CatalogReviewBuilders
{
    public const string SecondOrganizerEmail = "second-organizer@test.local";

    public const string CatalogueRole = "数据目录管理";

    /// <summary>
    /// A second organizer of the site (made on first use) who may curate the catalogue and nothing else, so the tests of
    /// other features (who is mailed about what) see the people they expect; returns the user id.
    /// </summary>
    public static async Task<string> SecondOrganizerIdAsync(this SiteFactory site)
    {
        var id = await site.WithDbAsync(db => db.Users.Where(u => u.Email == SecondOrganizerEmail).Select(u => u.Id).FirstOrDefaultAsync());
        if (id is not null) return id;
        await site.WithScopeAsync(async services =>
        {
            var roles = services.GetRequiredService<RoleManager<SiteRole>>();
            await roles.CreateAsync(new SiteRole { Name = CatalogueRole });
            var role = (await roles.FindByNameAsync(CatalogueRole))!;
            await roles.AddClaimAsync(role, new Claim(PermissionPolicies.ClaimType, "admin.access"));
            await roles.AddClaimAsync(role, new Claim(PermissionPolicies.ClaimType, "catalog.manage"));
        });
        return (await site.CreateUserAsync(SecondOrganizerEmail, SiteBuilders.Password, CatalogueRole)).Id;
    }

    /// <summary>Submits the drafts as the site's organizer and approves them as the second organizer, with one assessment.</summary>
    public static async Task PublishThroughReviewAsync(this SiteFactory site, params Guid[] datasetIds)
    {
        var submitter = await site.OrganizerIdAsync();
        var reviewer = await site.SecondOrganizerIdAsync();
        foreach (var id in datasetIds)
        {
            using var scope = site.Services.CreateScope();
            var submitted = await scope.ServiceProvider.GetRequiredService<SubmitForReview>().SubmitAsync(id, submitter);
            Assert.True(submitted?.Allowed, $"dataset {id} could not be submitted: {submitted?.ChineseText}");
        }
        var rounds = await site.WithDbAsync(db => db.Datasets.Where(d => datasetIds.Contains(d.Id)).Select(d => new ReviewItem(d.Id, d.ReviewRound)).ToListAsync());
        using (var scope = site.Services.CreateScope())
        {
            var outcome = await scope.ServiceProvider.GetRequiredService<ReviewDatasets>().ReviewAsync(rounds,
                new ReviewAssessment(ReviewDecision.Approved, LevelConfirmed: true, SensitiveFieldsConfirmed: true, MaskingRulesComplete: false,
                    "测试数据，按所列开放类型开放", null), reviewer);
            Assert.True(outcome.Done, string.Join("; ", outcome.Refusals.Select(r => r.ChineseText)));
        }
    }
}
