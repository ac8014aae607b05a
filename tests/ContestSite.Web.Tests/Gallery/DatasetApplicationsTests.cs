using System.Net;
using ContestSite.Core.Catalog;
using ContestSite.Core.Submissions;
using ContestSite.Web.Tests.Bundles;
using ContestSite.Web.Tests.Infrastructure;
using ContestSite.Web.Tests.Judging;
using Microsoft.EntityFrameworkCore;

namespace ContestSite.Web.Tests.Gallery;

/// <summary>A dataset's page lists the published applications whose shown version declares it (CKAN's showcase), and only those.</summary>
public sealed class DatasetApplicationsTests
{
    private static Task DeclareAsync(SiteFactory site, int submissionId, Guid datasetId) => site.WithDbAsync(async db =>
    {
        var version = await db.SubmissionVersions.Where(v => v.SubmissionId == submissionId).OrderByDescending(v => v.Number).FirstAsync();
        db.Set<SubmissionDataset>().Add(new SubmissionDataset { VersionId = version.Id, DatasetId = datasetId });
        return await db.SaveChangesAsync();
    });

    [Theory]
    [InlineData(TestProvider.Sqlite)]
    [InlineData(TestProvider.Postgres)]
    public async Task A_dataset_page_lists_the_published_applications_built_on_it_until_one_is_withdrawn(TestProvider provider)
    {
        await using var site = await JudgingTestKit.SiteAsync(provider);
        using var organizer = await site.OrganizerAsync();
        using var visitor = site.CreateSiteClient();
        var buses = await site.DatasetAsync("公交到站数据", OpenType.Unconditional);
        var weather = await site.DatasetAsync("气象观测数据", OpenType.Unconditional);
        var builtOnBuses = await site.EntryAsync("公交到站提醒", teamName: "到站队");
        var notShown = await site.EntryAsync("公交换乘助手", teamName: "换乘队");
        await DeclareAsync(site, builtOnBuses, buses.Id);
        await DeclareAsync(site, notShown, buses.Id);

        var published = await organizer.PublishAsync(GalleryTestKit.PublishFields(builtOnBuses, "公交到站提醒"));
        Assert.True(published.Status == HttpStatusCode.Redirect, published.Text);
        var entryId = await site.EntryIdAsync(builtOnBuses);

        var page = await visitor.GetAsync($"/datasets/{buses.Id}");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("基于该数据集的应用", page.Text);
        Assert.Contains($"/gallery/{entryId}", page.Html);
        Assert.DoesNotContain("公交换乘助手", page.Text);
        Assert.DoesNotContain("基于该数据集的应用", (await visitor.GetAsync($"/datasets/{weather.Id}")).Text);
        Assert.Contains("Applications built on this dataset", (await visitor.GetAsync($"/datasets/{buses.Id}?culture=en-US")).Text);

        var unpublished = await organizer.PostFormAsync("/admin/gallery", new Dictionary<string, string>(), $"/admin/gallery?handler=Unpublish&id={entryId}");
        Assert.Equal(HttpStatusCode.Redirect, unpublished.Status);
        Assert.DoesNotContain("基于该数据集的应用", (await visitor.GetAsync($"/datasets/{buses.Id}")).Text);
    }
}
