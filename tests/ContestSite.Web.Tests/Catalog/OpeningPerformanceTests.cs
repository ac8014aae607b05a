using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ContestSite.Core.Bundles;
using ContestSite.Core.Catalog;
using ContestSite.Core.Catalog.Import;
using ContestSite.Core.Gallery;
using ContestSite.Core.Submissions;
using ContestSite.Web.Catalog.Performance;
using ContestSite.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace ContestSite.Web.Tests.Catalog;

/// <summary>
/// 开放目录绩效: Zhejiang's provincial departments and cities against the yearly targets, with downloads, applications and
/// showcased applications per provider, exported for the 通报; other provinces' imported catalogues never count.
/// </summary>
public sealed partial class OpeningPerformanceTests(OpeningPerformanceTests.Seeded seeded) : IClassFixture<OpeningPerformanceTests.Seeded>
{
    /// <summary>
    /// One site per provider with, this year (China time): 省体育局 6 published (5 this year, 1 of them prohibited; 1 last
    /// year), 省档案馆 4 this year (and a draft), 宁波市 150, 温州市 149, 湖州市交通运输局 on the provincial level 1; an
    /// imported slice of Jiangsu's real catalogue and 150 datasets of 南京市 (江苏省), all published this year; downloads,
    /// applications and gallery entries on 省档案馆, 宁波市 and Jiangsu datasets.
    /// </summary>
    public sealed class Seeded : SharedSites
    {
        protected override async Task<SiteFactory> StartAsync(TestProvider provider)
        {
            var site = await SiteFactory.CreateAsync(provider);
            await SeedAsync(site);
            return site;
        }
    }

    public static int YearOf(SiteFactory site) => site.Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).Year;

    private static DateTimeOffset In(int year, int month = 6) => new(year, month, 1, 0, 0, 0, TimeSpan.FromHours(8));

    private static Dataset Data(string title, string? province, string? city, string? provider, DateTimeOffset published,
        DatasetStatus status = DatasetStatus.Published, OpenType openType = OpenType.Unconditional, long downloads = 0) => new()
    {
        Title = title, Province = province, City = city, Provider = provider, FirstPublished = published, Status = status, OpenType = openType,
        DownloadCount = downloads, CreatedAt = published, UpdatedAt = published,
    };

    private static async Task SeedAsync(SiteFactory site)
    {
        var year = YearOf(site);
        var datasets = new List<Dataset>();
        datasets.AddRange(Enumerable.Range(1, 4).Select(i => Data($"教育数据{i}", "浙江省", null, "省体育局", In(year))));
        datasets.Add(Data("教育禁止开放数据", "浙江省", null, "省体育局", In(year), openType: OpenType.Prohibited));
        datasets.Add(Data("教育旧数据", "浙江省", null, "省体育局", In(year - 1)));
        datasets.Add(Data("民政数据1", "浙江省", null, "省档案馆", In(year), downloads: 7));
        datasets.Add(Data("民政数据2", "浙江省", null, "省档案馆", In(year), openType: OpenType.Restricted, downloads: 3));
        datasets.AddRange(Enumerable.Range(3, 2).Select(i => Data($"民政数据{i}", "浙江省", null, "省档案馆", In(year))));
        datasets.Add(Data("民政草稿", "浙江省", null, "省档案馆", In(year), status: DatasetStatus.Draft));
        // 1 January 00:30 China time is still 31 December in UTC: counted in the China year.
        datasets.Add(Data("宁波数据0", "浙江省", "宁波市", "宁波市统计局", new DateTimeOffset(year, 1, 1, 0, 30, 0, TimeSpan.FromHours(8))));
        datasets.AddRange(Enumerable.Range(1, 149).Select(i => Data($"宁波数据{i}", "浙江省", "宁波市", "宁波市统计局", In(year))));
        datasets.AddRange(Enumerable.Range(1, 149).Select(i => Data($"温州数据{i}", "浙江省", "温州市", "温州市大数据局", In(year))));
        datasets.Add(Data("湖州公交", "浙江省", null, "湖州市交通运输局", In(year)));
        datasets.AddRange(Enumerable.Range(1, 150).Select(i => Data($"南京数据{i}", "江苏省", "南京市", "南京市大数据局", In(year), downloads: 100)));
        await site.WithDbAsync(db => { db.Datasets.AddRange(datasets); return db.SaveChangesAsync(); });

        // A slice of Jiangsu's real catalogue: provincial departments (江苏省司法厅...) and city bureaus (苏州市大数据管理局...).
        var records = JsonNode.Parse(await File.ReadAllTextAsync(CatalogTestKit.RealFile("jiangsu_jiangsu.json")))!.AsArray();
        var slice = new JsonArray(Enumerable.Range(0, 10).Concat(Enumerable.Range(802, 5)).Select(i => records[i]!.DeepClone()).ToArray());
        var report = await CatalogTestKit.ImportTextAsync(site, slice.ToJsonString());
        Assert.True(report.Inserted >= 14, $"imported {report.Inserted}: {report.FatalError}");
        await site.WithDbAsync(db => db.Datasets.Where(d => d.Source == CatalogSources.Jiangsu)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.Status, DatasetStatus.Published).SetProperty(d => d.FirstPublished, In(year)).SetProperty(d => d.DownloadCount, 50)));

        var user = await site.CreateUserAsync($"applicant-{Guid.NewGuid():N}@test.local", SiteBuilders.Password, "Contestant");
        var teamId = await site.AddTeamAsync("申请统计队", seats: [new TeamSeat(user.Id, "张队长")]);
        var submissions = new[] { await site.EntryAsync("展示作品甲"), await site.EntryAsync("未发布作品"), await site.EntryAsync("江苏数据作品") };
        await site.WithDbAsync(async db =>
        {
            async Task<Guid> Id(string title) => await db.Datasets.Where(d => d.Title == title).Select(d => d.Id).SingleAsync();
            var jiangsu = await db.Datasets.Where(d => d.Source == CatalogSources.Jiangsu).Select(d => d.Id).FirstAsync();
            var now = site.Clock.GetUtcNow();
            AccessApplication Application(Guid dataset, ApplicationStatus status) => new()
            {
                TeamId = teamId, DatasetId = dataset, ApplicantId = user.Id, Purpose = "统计", Scenario = "统计", Status = status, SubmittedAt = now, AgreementAcceptedAt = now,
            };
            db.AccessApplications.AddRange(Application(await Id("民政数据2"), ApplicationStatus.Approved), Application(await Id("民政数据2"), ApplicationStatus.Revoked),
                Application(await Id("民政数据1"), ApplicationStatus.Pending), Application(await Id("宁波数据1"), ApplicationStatus.Rejected),
                Application(jiangsu, ApplicationStatus.Approved));
            var uses = new[]
            {
                (submissions[0], true, new[] { await Id("民政数据1"), await Id("民政数据2"), await Id("宁波数据1") }),
                (submissions[1], false, new[] { await Id("民政数据3") }),
                (submissions[2], true, new[] { jiangsu }),
            };
            foreach (var (submissionId, published, used) in uses)
            {
                var submission = await db.Submissions.Include(s => s.Versions).SingleAsync(s => s.Id == submissionId);
                var version = submission.Versions.Single();
                db.SubmissionDatasets.AddRange(used.Select(d => new SubmissionDataset { VersionId = version.Id, DatasetId = d }));
                db.GalleryEntries.Add(new GalleryEntry
                {
                    ContestId = submission.ContestId, Year = year, SubmissionId = submission.Id, VersionNumber = 1, RoundId = submission.RoundId,
                    TrackId = submission.TrackId, TeamId = submission.TeamId, ShowcaseTitle = version.Title, TeamDisplayName = "展示队",
                    ConsentGivenBy = "王队长", ConsentText = "同意展示", ConsentGivenAt = now, ConsentRecordedByUserId = version.SavedByUserId,
                    PublishedAt = published ? now : null, UpdatedAt = now,
                });
            }
            return await db.SaveChangesAsync();
        });
    }

    /// <summary>The rows of the page's tables: name → the cells after it.</summary>
    private static Dictionary<string, string[]> Rows(string html) =>
        RowPattern().Matches(html).ToDictionary(m => WebUtility.HtmlDecode(m.Groups["name"].Value),
            m => CellPattern().Matches(m.Groups["cells"].Value).Select(c => WebUtility.HtmlDecode(c.Groups[1].Value).Trim()).ToArray());

    [GeneratedRegex("""<tr>\s*<th scope="row">(?<name>[^<]+)</th>(?<cells>.*?)</tr>""", RegexOptions.Singleline)]
    private static partial Regex RowPattern();

    [GeneratedRegex("<td>([^<]*)</td>")]
    private static partial Regex CellPattern();

    [Theory]
    [InlineData(TestProvider.Sqlite)]
    [InlineData(TestProvider.Postgres)]
    public async Task Zhejiang_departments_and_cities_are_counted_against_5_and_150_and_imported_Jiangsu_providers_are_neither_shown_nor_counted(TestProvider provider)
    {
        var site = await seeded.ForAsync(provider);
        using var organizer = await site.OrganizerAsync();
        var year = YearOf(site);

        var page = await organizer.GetAsync($"/datasets/stats?year={year}");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        var rows = Rows(page.Html);
        // new this year, target, met, open datasets, downloads, applications, approved, showcased
        Assert.Equal(["5", "5", "达标", "5", "0", "0", "0", "0"], rows["省体育局"]);
        Assert.Equal(["4", "5", "未达标", "4", "10", "3", "2", "1"], rows["省档案馆"]);
        Assert.Equal(["150", "150", "达标", "150", "0", "1", "0", "1"], rows["宁波市"]);
        Assert.Equal(["149", "150", "未达标", "149", "0", "0", "0", "0"], rows["温州市"]);
        Assert.Equal(["1", "150", "未达标", "1", "0", "0", "0", "0"], rows["湖州市"]);
        Assert.Equal(["0", "150", "未达标", "0", "0", "0", "0", "0"], rows["丽水市"]);
        Assert.DoesNotContain("湖州市交通运输局", rows.Keys);
        // Besides ours, the demo catalogue's departments: every row is a Zhejiang department or city.
        var zhejiangDepartments = await site.WithDbAsync(db => db.Datasets.Where(d => d.Province == "浙江省" && d.City == null).Select(d => d.Provider!).Distinct().ToListAsync());
        Assert.All(rows.Keys.Except(ZhejiangProviders.Cities), name => Assert.Contains(name, zhejiangDepartments));
        var imported = await site.WithDbAsync(db => db.Datasets.Where(d => d.Source == CatalogSources.Jiangsu).Select(d => d.Provider!).Distinct().ToListAsync());
        Assert.Contains("江苏省统计局", imported);
        Assert.Contains("苏州市大数据管理局", imported);
        foreach (var foreign in imported.Append("南京市").Append("南京市大数据局")) Assert.DoesNotContain(foreign, page.Html);
        Assert.Contains($"达标 1 / {rows.Count - 11}", page.Text);
        Assert.Contains("达标 1 / 11", page.Text);
        Assert.Contains("只统计浙江省", page.Text);
        Assert.Contains("省级部门（目标：每年 5 个）", page.Text);
        Assert.Contains("设区市（目标：每年 150 个）", page.Text);
    }

    [Fact]
    public async Task Last_years_page_counts_only_what_was_first_published_that_year()
    {
        var site = await seeded.ForAsync(TestProvider.Sqlite);
        using var organizer = await site.OrganizerAsync();

        var rows = Rows((await organizer.GetAsync($"/datasets/stats?year={YearOf(site) - 1}")).Html);

        Assert.Equal(["1", "5", "未达标", "5", "0", "0", "0", "0"], rows["省体育局"]);
        Assert.Equal("0", rows["宁波市"][0]);
    }

    [Fact]
    public async Task The_spreadsheet_for_the_report_reads_back_with_the_rows_of_the_page_and_the_csv_has_them_too()
    {
        var site = await seeded.ForAsync(TestProvider.Sqlite);
        using var organizer = await site.OrganizerAsync();
        var year = YearOf(site);
        var page = Rows((await organizer.GetAsync($"/datasets/stats?year={year}")).Html);

        using var xlsx = await organizer.Http.GetAsync($"/datasets/stats?handler=Xlsx&year={year}");
        using var csv = await organizer.Http.GetAsync($"/datasets/stats?handler=Csv&year={year}");

        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        Assert.Equal(ContestSite.Web.Exports.TabularExport.XlsxContentType, xlsx.Content.Headers.ContentType!.ToString());
        Assert.Contains($"opening-performance-{year}.xlsx", xlsx.Content.Headers.ContentDisposition!.ToString());
        await using var stream = new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync());
        var sheet = MiniExcel.Query(stream, useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(page.Count, sheet.Count);
        foreach (var row in sheet)
        {
            var name = (string)row["名称"]!;
            string[] cells = [.. new[] { "新增数据集", "目标", "是否达标", "开放数据集", "累计下载", "数据申请", "获批申请", "展示应用" }
                .Select(h => Convert.ToString(row[h], CultureInfo.InvariantCulture)!)];
            Assert.Equal(page[name], cells);
            Assert.Equal(year.ToString(CultureInfo.InvariantCulture), Convert.ToString(row["年份"], CultureInfo.InvariantCulture));
        }
        Assert.Equal("省级部门", sheet.Single(r => (string)r["名称"]! == "省档案馆")["级别"]);
        Assert.Equal("设区市", sheet.Single(r => (string)r["名称"]! == "宁波市")["级别"]);
        var lines = (await csv.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("级别,名称,年份,新增数据集,目标,是否达标,开放数据集,累计下载,数据申请,获批申请,展示应用", lines[0]);
        Assert.Contains($"省级部门,省档案馆,{year},4,5,未达标,4,10,3,2,1", lines);
        Assert.Equal(page.Count + 1, lines.Length);
    }

    [Theory]
    [InlineData("")]
    [InlineData("?handler=Xlsx")]
    [InlineData("?handler=Csv")]
    public async Task Anonymous_visitors_and_contestants_are_refused_the_page_and_its_exports(string handler)
    {
        var site = await seeded.ForAsync(TestProvider.Sqlite);
        using var anonymous = site.CreateSiteClient();
        using var contestant = await site.ContestantAsync($"curious-{Guid.NewGuid():N}@test.local");

        var asAnonymous = await anonymous.GetAsync("/datasets/stats" + handler);
        var asContestant = await contestant.GetAsync("/datasets/stats" + handler);

        Assert.Equal(HttpStatusCode.Redirect, asAnonymous.Status);
        Assert.Contains("/account/login", asAnonymous.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, asContestant.Status);
        Assert.Contains("/account/access-denied", asContestant.Location!.OriginalString);
        Assert.DoesNotContain("省档案馆", asAnonymous.Html + asContestant.Html);
        Assert.DoesNotContain("/datasets/stats", (await contestant.GetAsync("/datasets")).Html);
    }

    [Fact]
    public async Task The_targets_are_settings_and_the_page_counts_against_them()
    {
        await using var site = await SiteFactory.CreateAsync(settings: s =>
        {
            s["ContestSite:Catalog:Targets:ProvincialDepartment"] = "2";
            s["ContestSite:Catalog:Targets:City"] = "3";
        });
        var year = YearOf(site);
        await site.WithDbAsync(db =>
        {
            db.Datasets.AddRange(Data("教育1", "浙江省", null, "省体育局", In(year)), Data("教育2", "浙江省", null, "省体育局", In(year)),
                Data("民政1", "浙江省", null, "省档案馆", In(year)),
                Data("宁波1", "浙江省", "宁波市", "宁波市统计局", In(year)), Data("宁波2", "浙江省", "宁波市", "宁波市统计局", In(year)),
                Data("宁波3", "浙江省", "宁波市", "宁波市统计局", In(year)), Data("温州1", "浙江省", "温州市", "温州市大数据局", In(year)));
            return db.SaveChangesAsync();
        });
        using var organizer = await site.OrganizerAsync();

        var page = await organizer.GetAsync($"/datasets/stats?year={year}");

        var rows = Rows(page.Html);
        Assert.Equal(["2", "2", "达标"], rows["省体育局"][..3]);
        Assert.Equal(["1", "2", "未达标"], rows["省档案馆"][..3]);
        Assert.Equal(["3", "3", "达标"], rows["宁波市"][..3]);
        Assert.Equal(["1", "3", "未达标"], rows["温州市"][..3]);
        Assert.Contains("省级部门（目标：每年 2 个）", page.Text);
        Assert.Contains("设区市（目标：每年 3 个）", page.Text);
    }

    [Theory]
    [InlineData(0, 150, "ContestSite__Catalog__Targets__ProvincialDepartment")]
    [InlineData(5, 0, "ContestSite__Catalog__Targets__City")]
    [InlineData(5, 100_001, "ContestSite__Catalog__Targets__City")]
    public void A_wrong_target_fails_at_start_with_the_settings_name(int department, int city, string named)
    {
        Assert.True(new CatalogTargetsOptionsValidator().Validate(null, new CatalogTargetsOptions()).Succeeded);
        var result = new CatalogTargetsOptionsValidator().Validate(null, new CatalogTargetsOptions { ProvincialDepartment = department, City = city });
        Assert.True(result.Failed);
        Assert.Contains(named, result.FailureMessage, StringComparison.Ordinal);
    }
}
