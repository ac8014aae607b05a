using System.Text;
using ContestSite.Web.Audit;
using ContestSite.Web.Tests.Infrastructure;
using MiniExcelLibs;

namespace ContestSite.Web.Tests.Audit;

public sealed class AuditExportTests
{
    [Theory]
    [InlineData(TestProvider.Sqlite)]
    [InlineData(TestProvider.Postgres)]
    public async Task The_csv_export_holds_the_filtered_entries_oldest_first_with_names_and_formulas_neutralised(TestProvider provider)
    {
        await using var site = await SiteFactory.CreateAsync(provider, now: AuditTestKit.BeforeEntries);
        var team = await site.AddTeamAsync("数据先锋队");
        await site.AppendAtAsync(AuditTestKit.China(10, 1, 9), new AuditEvent("bundle.download", "=HYPERLINK(\"http://evil\")", "ok") { TeamId = team });
        await site.AppendAtAsync(AuditTestKit.China(10, 1, 10), new AuditEvent("bundle.download", "+cmd", "ok", "a, \"quoted\" detail") { TeamId = team });
        await site.AppendAtAsync(AuditTestKit.China(10, 1, 11), new AuditEvent("application.submitted", "application:3", "ok") { TeamId = team });
        using var client = await site.OrganizerAsync();

        using var response = await client.Http.GetAsync($"/admin/audit?action=bundle.*&team={team}&handler=Csv");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var lines = Encoding.UTF8.GetString(bytes).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal("text/csv; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        Assert.StartsWith("编号,时间（北京时间）,操作人", lines[0]);
        Assert.Equal(3, lines.Length);
        Assert.Contains("2020-10-01 09:00:00", lines[1]);
        Assert.Contains(",\"'=HYPERLINK(\"\"http://evil\"\")\",", lines[1]);
        Assert.Contains($",{team},数据先锋队,", lines[1]);
        Assert.Contains(",'+cmd,", lines[2]);
        Assert.Contains(",\"a, \"\"quoted\"\" detail\",", lines[2]);
        Assert.DoesNotContain(lines, l => l.Contains("application:3"));
    }

    [Fact]
    public async Task The_spreadsheet_export_holds_the_same_filtered_rows_as_the_csv()
    {
        await using var site = await SiteFactory.CreateAsync(now: AuditTestKit.BeforeEntries);
        var dataset = await site.AddDatasetAsync("杭州市低保救助名单");
        await site.AppendAtAsync(AuditTestKit.China(10, 1, 9), new AuditEvent("bundle.download", "-2+3", "ok") { DatasetId = dataset });
        await site.AppendAtAsync(AuditTestKit.China(10, 1, 10), new AuditEvent("bundle.refused", "bundle:2", "expired") { DatasetId = dataset });
        await site.AppendAtAsync(AuditTestKit.China(10, 1, 11), new AuditEvent("bundle.download", "bundle:3", "ok"));
        using var client = await site.OrganizerAsync();

        using var response = await client.Http.GetAsync($"/admin/audit?dataset={dataset}&handler=Xlsx");
        await using var workbook = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        var rows = workbook.Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();

        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(2, rows.Count);
        Assert.Equal(["'-2+3", "bundle:2"], rows.Select(r => r["对象"]?.ToString()));
        Assert.All(rows, r => Assert.Equal("杭州市低保救助名单", r["数据集"]?.ToString()));
        Assert.Equal("expired", rows[1]["处理结果"]?.ToString());
    }

    [Fact]
    public async Task Each_export_is_itself_audited_with_its_filters()
    {
        await using var site = await SiteFactory.CreateAsync(now: AuditTestKit.BeforeEntries);
        using var client = await site.OrganizerAsync();

        using var response = await client.Http.GetAsync("/admin/audit?outcome=ok&handler=Csv");
        await response.Content.ReadAsByteArrayAsync();

        var entries = await site.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(
            Queryable.Where(db.AuditEntries, e => e.Action == "audit.export")));
        var export = Assert.Single(entries);
        Assert.Equal("csv", export.Outcome);
        Assert.Equal("?outcome=ok", export.Detail);
        Assert.Equal(SiteFactory.OrganizerEmail, export.ActorName);
    }
}
