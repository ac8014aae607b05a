using System.Net;
using ContestSite.Core.Catalog;
using ContestSite.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ContestSite.Web.Tests.Catalog;

/// <summary>The organizer's catalogue editor: creating and changing datasets and their files, each change audited.</summary>
public sealed class CatalogEditingTests
{
    private static Dictionary<string, string> DatasetForm(string title, string fields) => new()
    {
        ["Input.Title"] = title, ["Input.Description"] = "各区公共自行车站点", ["Input.Provider"] = "杭州市交通运输局",
        ["Input.OpenType"] = nameof(OpenType.Unconditional), ["Input.Fields"] = fields,
    };

    [Fact]
    public async Task An_organizer_creates_a_draft_dataset_with_its_fields_and_the_creation_is_audited()
    {
        await using var site = await SiteFactory.CreateAsync();
        using var organizer = await site.OrganizerAsync();

        var saved = await organizer.PostFormAsync("/admin/datasets/new", DatasetForm("公共自行车站点", "站点名称|文本|站点的名称\n身份证号|文本||敏感"));

        Assert.Equal(HttpStatusCode.Redirect, saved.Status);
        var dataset = await site.WithDbAsync(db => db.Datasets.Include(d => d.Fields).AsNoTracking().SingleAsync(d => d.Title == "公共自行车站点"));
        Assert.Equal(DatasetStatus.Draft, dataset.Status);
        Assert.Equal(["站点名称", "身份证号"], dataset.Fields.OrderBy(f => f.SortOrder).Select(f => f.Name));
        Assert.True(dataset.Fields.Single(f => f.Name == "身份证号").IsSensitive);
        Assert.True(await site.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == "catalog.dataset-created" && e.Subject == $"dataset:{dataset.Id}")));
    }

    [Fact]
    public async Task A_field_list_with_a_line_that_cannot_be_read_is_refused_and_the_dataset_keeps_its_fields()
    {
        await using var site = await SiteFactory.CreateAsync();
        using var organizer = await site.OrganizerAsync();
        await organizer.PostFormAsync("/admin/datasets/new", DatasetForm("公共自行车站点", "站点名称|文本"));
        var id = await site.WithDbAsync(db => db.Datasets.Where(d => d.Title == "公共自行车站点").Select(d => d.Id).SingleAsync());

        var page = await organizer.PostFormAsync($"/admin/datasets/{id}", DatasetForm("改过的标题", "站点名称|文本\n站点名称|重复"));

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("字段列表中有无法读取的行", page.Text);
        var dataset = await site.WithDbAsync(db => db.Datasets.Include(d => d.Fields).AsNoTracking().SingleAsync(d => d.Id == id));
        Assert.Equal("公共自行车站点", dataset.Title);
        Assert.Equal(["站点名称"], dataset.Fields.Select(f => f.Name));
        Assert.False(await site.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == "catalog.dataset-changed")));
    }

    [Fact]
    public async Task A_file_is_taken_off_a_dataset_and_the_removal_is_audited_while_a_guessed_file_id_is_not_found()
    {
        await using var site = await SiteFactory.CreateAsync();
        using var organizer = await site.OrganizerAsync();
        var (datasetId, resourceId) = await site.WithDbAsync(async db =>
        {
            var dataset = await db.Datasets.Include(d => d.Resources).FirstAsync(d => d.Title == "停车场泊位信息");
            dataset.Resources.Add(new DatasetResource { FileName = "泊位.csv", SizeBytes = 3, StorageKey = new string('a', 64), ContentHash = new string('a', 64), UploadedAt = DateTimeOffset.UtcNow });
            await db.SaveChangesAsync();
            return (dataset.Id, dataset.Resources.Single().Id);
        });
        var form = new Dictionary<string, string> { ["resourceId"] = resourceId.ToString(System.Globalization.CultureInfo.InvariantCulture) };

        var removed = await organizer.PostFormAsync($"/admin/datasets/{datasetId}", form, $"/admin/datasets/{datasetId}?handler=DeleteResource");
        var again = await organizer.PostFormAsync($"/admin/datasets/{datasetId}", form, $"/admin/datasets/{datasetId}?handler=DeleteResource");

        Assert.Equal(HttpStatusCode.Redirect, removed.Status);
        Assert.Equal(HttpStatusCode.NotFound, again.Status);
        Assert.False(await site.WithDbAsync(db => db.DatasetResources.AnyAsync(r => r.Id == resourceId)));
        Assert.Equal(1, await site.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Action == "catalog.file-removed" && e.Detail == "泊位.csv")));
    }

    [Fact]
    public async Task Opening_a_published_dataset_counts_the_visit_and_a_draft_is_not_found_and_not_counted()
    {
        await using var site = await SiteFactory.CreateAsync();
        using var visitor = site.CreateSiteClient();
        var published = await site.WithDbAsync(db => db.Datasets.Where(d => d.Title == "停车场泊位信息").Select(d => new { d.Id, d.ViewCount }).SingleAsync());
        var draft = await site.WithDbAsync(async db =>
        {
            var dataset = new Dataset { Title = "草稿数据集", Status = DatasetStatus.Draft };
            db.Datasets.Add(dataset);
            await db.SaveChangesAsync();
            return dataset.Id;
        });

        Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync($"/datasets/{published.Id}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync($"/datasets/{draft}")).Status);

        Assert.Equal(published.ViewCount + 1, await site.WithDbAsync(db => db.Datasets.Where(d => d.Id == published.Id).Select(d => d.ViewCount).SingleAsync()));
        Assert.Equal(0, await site.WithDbAsync(db => db.Datasets.Where(d => d.Id == draft).Select(d => d.ViewCount).SingleAsync()));
    }
}
