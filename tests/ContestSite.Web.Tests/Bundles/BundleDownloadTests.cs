using System.Net;
using ContestSite.Core.Catalog;
using ContestSite.Web.Tests.Infrastructure;
using ContestSite.Web.Tests.Teams;
using Microsoft.EntityFrameworkCore;

namespace ContestSite.Web.Tests.Bundles;

/// <summary>The bundle zip: what an approved team gets, masked, hashed and traced to it; what it never gets.</summary>
public sealed class BundleDownloadTests
{
    [Theory]
    [InlineData(TestProvider.Sqlite)]
    [InlineData(TestProvider.Postgres)]
    public async Task An_approved_team_gets_its_tracks_bundle_masked_with_a_manifest_that_names_the_team_and_hashes_each_file(TestProvider provider)
    {
        await using var site = await TeamTestKit.SiteAsync(provider);
        var relief = await site.DatasetAsync("低保救助对象名单");
        await site.SetRulesAsync(relief.Id);
        await site.PutInBundleAsync(await site.TrackIdAsync(), relief.Id);
        var (client, teamId) = await site.ApprovedTeamAsync("救助地图队", "captain@example.com");
        await site.ApprovedApplicationAsync(client, teamId, relief.Id);

        var zip = await client.DownloadBundleAsync();

        Assert.Equal("manifest.json", zip.Names[^1]);
        var csvName = Assert.Single(zip.Names, n => n.EndsWith(".csv", StringComparison.Ordinal));
        var csv = zip.Text(csvName);
        Assert.Equal("姓名,手机号,身份证号,区域\r\n张*,138****1234,330***********1234,西湖区\r\n李*,139****4321,330***********567X,拱墅区\r\n", csv);
        var manifest = zip.Manifest;
        Assert.Equal(teamId, manifest.GetProperty("team").GetProperty("id").GetInt32());
        Assert.Equal("救助地图队", manifest.GetProperty("team").GetProperty("name").GetString());
        Assert.Equal("仅用于本届大赛，赛后删除。", manifest.GetProperty("terms").GetString());
        Assert.Equal(site.Clock.GetUtcNow(), manifest.GetProperty("issuedAt").GetDateTimeOffset());
        var item = zip.ManifestDataset(relief.Id);
        Assert.Equal("Restricted", item.GetProperty("openType").GetString());
        var file = item.GetProperty("files")[0];
        Assert.Equal(BundleTestKit.Sha256(zip.Entries[csvName]), file.GetProperty("sha256").GetString());
        var dropped = file.GetProperty("columns").EnumerateArray().Single(c => c.GetProperty("name").GetString() == "备注");
        Assert.False(dropped.GetProperty("served").GetBoolean());
        Assert.True(await site.AuditedAsync("bundle.issue", "ok", teamId));
        Assert.True(await site.AuditedAsync("data.download", "ok", teamId, relief.Id));
    }

    [Theory]
    [InlineData(TestProvider.Sqlite)]
    [InlineData(TestProvider.Postgres)]
    public async Task A_team_without_an_application_gets_the_open_data_but_not_the_restricted_dataset_and_the_refusal_is_audited(TestProvider provider)
    {
        await using var site = await TeamTestKit.SiteAsync(provider);
        var relief = await site.DatasetAsync("低保救助对象名单");
        var open = await site.DatasetAsync("公交站点", OpenType.Unconditional, "站点,区域\n武林广场,拱墅区\n", "stops.csv");
        await site.PutInBundleAsync(await site.TrackIdAsync(), relief.Id, open.Id);
        var (client, teamId) = await site.ApprovedTeamAsync("无申请队", "captain@example.com");

        var zip = await client.DownloadBundleAsync();
        var single = await client.GetAsync($"/datasets/{relief.Id}/files/{relief.FileId}");

        Assert.DoesNotContain(zip.Names, n => n.EndsWith("people.csv", StringComparison.Ordinal));
        Assert.Contains(zip.Names, n => n.EndsWith("stops.csv", StringComparison.Ordinal));
        Assert.Contains("没有获批", zip.ManifestDataset(relief.Id).GetProperty("notIncluded").GetString());
        Assert.Equal(HttpStatusCode.Redirect, single.Status);
        Assert.DoesNotContain("13812341234", single.Html);
        Assert.True(await site.AuditedAsync("data.download", "refused", teamId, relief.Id));
        Assert.True(await site.AuditedAsync("catalog.download", "refused", teamId, relief.Id));
        var page = await client.GetAsync($"/datasets/{relief.Id}");
        Assert.Contains("您的团队没有获批使用该数据集", page.Text);
    }

    [Fact]
    public async Task A_team_that_is_not_approved_gets_no_bundle()
    {
        await using var site = await TeamTestKit.SiteAsync();
        var open = await site.DatasetAsync("公交站点", OpenType.Unconditional, "站点\n武林广场\n", "stops.csv");
        await site.PutInBundleAsync(await site.TrackIdAsync(), open.Id);
        using var client = await site.ContestantAsync("draft@example.com");
        var teamId = await client.CreateTeamAsync(site, "草稿队");

        var response = await client.GetAsync("/bundles/download");
        var page = await client.GetAsync("/bundles");

        Assert.Equal(HttpStatusCode.Redirect, response.Status);
        Assert.True(page.Status == HttpStatusCode.OK, page.Status + page.Text);
        Assert.Contains("团队通过组委会审核后才能获取数据包", page.Text);
        Assert.True(await site.AuditedAsync("bundle.issue", "refused", teamId));
    }

    [Theory]
    [InlineData(TestProvider.Sqlite)]
    [InlineData(TestProvider.Postgres)]
    public async Task A_prohibited_dataset_is_refused_by_the_bundle_editor_and_left_out_of_a_bundle_it_was_put_in_before(TestProvider provider)
    {
        await using var site = await TeamTestKit.SiteAsync(provider);
        var secret = await site.DatasetAsync("户籍人口明细", OpenType.Prohibited);
        var later = await site.DatasetAsync("后来禁止的数据", OpenType.Unconditional);
        var trackId = await site.TrackIdAsync();
        await site.PutInBundleAsync(trackId, later.Id);
        using var organizer = await site.OrganizerAsync();

        var refused = await organizer.PostFormAsync($"/admin/bundles/{trackId}", new Dictionary<string, string> { ["datasetId"] = secret.Id.ToString() }, $"/admin/bundles/{trackId}?handler=Add");
        await site.WithDbAsync(db => db.Datasets.Where(d => d.Id == later.Id).ExecuteUpdateAsync(s => s.SetProperty(d => d.OpenType, OpenType.Prohibited)));
        var (client, teamId) = await site.ApprovedTeamAsync("守规队", "captain@example.com");
        var zip = await client.DownloadBundleAsync();
        var direct = await organizer.GetAsync($"/datasets/{later.Id}/files/{later.FileId}");
        var api = await organizer.GetAsync($"/api/datasets/{later.Id}");
        var search = await Catalog.CatalogTestKit.WaitForSearchAsync(site, organizer.Http, "q=" + Uri.EscapeDataString("户籍人口明细"), r => Catalog.CatalogTestKit.Total(r) > 0);
        var searchPage = await organizer.GetAsync("/datasets?q=" + Uri.EscapeDataString("户籍人口明细"));

        Assert.Contains("禁止开放类数据集不能放入数据包", refused.Text);
        Assert.False(await site.WithDbAsync(db => db.BundleDatasets.AnyAsync(d => d.DatasetId == secret.Id)));
        Assert.Equal(["manifest.json"], zip.Names);
        Assert.Contains("禁止开放", zip.ManifestDataset(later.Id).GetProperty("notIncluded").GetString());
        Assert.Equal(HttpStatusCode.NotFound, direct.Status);
        Assert.Contains("\"resources\":[]", api.Html);
        Assert.Equal("Prohibited", search.GetProperty("items")[0].GetProperty("openType").GetString());
        Assert.DoesNotContain("/files/", search.GetRawText());
        Assert.Contains("户籍人口明细", searchPage.Text);
        Assert.DoesNotContain($"/datasets/{secret.Id}/files/", searchPage.Html);
        Assert.True(await site.AuditedAsync("data.download", "refused", teamId, later.Id));
    }
}
