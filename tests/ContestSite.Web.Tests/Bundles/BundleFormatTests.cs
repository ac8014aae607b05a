using System.Text;
using ContestSite.Core.Catalog;
using ContestSite.Web.Tests.Infrastructure;
using ContestSite.Web.Tests.Teams;
using MiniExcelLibs;

namespace ContestSite.Web.Tests.Bundles;

/// <summary>Spreadsheets are masked in the bundle too; a format that cannot be masked is never served clear.</summary>
public sealed class BundleFormatTests
{
    private static byte[] Workbook()
    {
        using var stream = new MemoryStream();
        var rows = new[]
        {
            new Dictionary<string, object?> { ["姓名"] = "王五", ["手机号"] = "13712345678", ["身份证号"] = "330102198001011234", ["区域"] = "上城区", ["备注"] = "秘密" },
        };
        MiniExcel.SaveAs(stream, rows);
        return stream.ToArray();
    }

    [Fact]
    public async Task An_xlsx_file_is_masked_in_the_bundle_and_its_manifest_hash_matches_the_served_bytes()
    {
        await using var site = await TeamTestKit.SiteAsync();
        var relief = await site.DatasetAsync("救助名单表格", OpenType.Restricted, Workbook(), "people.xlsx");
        await site.SetRulesAsync(relief.Id);
        await site.PutInBundleAsync(await site.TrackIdAsync(), relief.Id);
        var (client, teamId) = await site.ApprovedTeamAsync("表格队", "captain@example.com");
        await site.ApprovedApplicationAsync(client, teamId, relief.Id);

        var zip = await client.DownloadBundleAsync();

        var name = Assert.Single(zip.Names, n => n.EndsWith(".xlsx", StringComparison.Ordinal));
        using var served = new MemoryStream(zip.Entries[name]);
        var row = Assert.Single(MiniExcel.Query(served, useHeaderRow: true).Cast<IDictionary<string, object?>>());
        Assert.Equal("王*", row["姓名"]);
        Assert.Equal("137****5678", row["手机号"]);
        Assert.False(row.ContainsKey("备注"));
        Assert.Equal(BundleTestKit.Sha256(zip.Entries[name]), zip.ManifestDataset(relief.Id).GetProperty("files")[0].GetProperty("sha256").GetString());
    }

    [Fact]
    public async Task A_file_that_cannot_be_masked_is_left_out_and_the_manifest_says_why()
    {
        await using var site = await TeamTestKit.SiteAsync();
        var json = await site.DatasetAsync("救助名单接口导出", OpenType.Restricted, Encoding.UTF8.GetBytes("[{\"姓名\":\"张三\"}]"), "people.json");
        await site.PutInBundleAsync(await site.TrackIdAsync(), json.Id);
        var (client, teamId) = await site.ApprovedTeamAsync("接口队", "captain@example.com");
        await site.ApprovedApplicationAsync(client, teamId, json.Id);

        var zip = await client.DownloadBundleAsync();
        var single = await client.GetAsync($"/datasets/{json.Id}/files/{json.FileId}");

        Assert.Equal(["manifest.json"], zip.Names);
        Assert.Contains("无法逐行脱敏", zip.ManifestDataset(json.Id).GetProperty("files")[0].GetProperty("notIncluded").GetString());
        Assert.Equal(System.Net.HttpStatusCode.UnprocessableEntity, single.Status);
        Assert.DoesNotContain("张三", single.Html);
    }
}
