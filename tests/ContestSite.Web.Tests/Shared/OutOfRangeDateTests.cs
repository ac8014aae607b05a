using System.Net;
using ContestSite.Web.Tests.Announcements;
using ContestSite.Web.Tests.Catalog;
using ContestSite.Web.Tests.Gallery;
using ContestSite.Web.Tests.Infrastructure;
using ContestSite.Web.Tests.Judging;
using Microsoft.EntityFrameworkCore;

namespace ContestSite.Web.Tests.Shared;

/// <summary>
/// Year 1 (which at UTC+8 does not fit a DateTimeOffset) and year 9999 sent to every date field and filter of the
/// site: each is refused with the range message, never with the error page, and nothing is saved. The refusals share
/// one site (nothing they send may change it); the tests that need another moment of the contest, or that change the
/// organizer's language, have their own.
/// </summary>
public sealed class OutOfRangeDateTests(SharedSite shared) : IClassFixture<SharedSite>
{
    private const string RangeMessage = "日期须在 2000-01-01 到 2100-12-31 之间";
    private static readonly string[] Times = ["0001-01-01T00:00", "9999-12-31T23:59"];
    private static readonly string[] Dates = ["0001-01-01", "9999-12-31"];

    private static void AssertRefusedWithTheRange(SiteClient.Page page, string what, string message = RangeMessage)
    {
        Assert.True(page.Status == HttpStatusCode.OK, $"{what}: {(int)page.Status}");
        Assert.Contains(message, page.Text);
    }

    [Fact]
    public async Task Contest_settings_with_a_date_of_year_1_or_9999_are_refused_with_the_range_and_the_contest_is_unchanged()
    {
        var site = shared.Site;
        using var organizer = await site.OrganizerAsync();
        var before = await site.WithDbAsync(db => db.Contests.AsNoTracking().SingleAsync());

        foreach (var field in new[] { "RegistrationOpensAt", "RegistrationClosesAt", "RosterLocksAt" })
        foreach (var value in Times)
        {
            var form = new Dictionary<string, string>
            {
                ["Input.Name"] = "改过的赛事名称", ["Input.Year"] = before.Year.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Input.RegistrationOpensAt"] = "2020-08-01T00:00", ["Input.RegistrationClosesAt"] = "2020-09-30T18:00",
                ["Input.RosterLocksAt"] = "2020-10-15T18:00", ["Input.MinTeamSize"] = "1", ["Input.MaxTeamSize"] = "6",
                [$"Input.{field}"] = value,
            };
            AssertRefusedWithTheRange(await organizer.PostFormAsync("/admin/contest", form), $"{field}={value}");
        }

        var after = await site.WithDbAsync(db => db.Contests.AsNoTracking().SingleAsync());
        Assert.Equal((before.Name, before.RegistrationOpensAt, before.RegistrationClosesAt, before.RosterLocksAt),
            (after.Name, after.RegistrationOpensAt, after.RegistrationClosesAt, after.RosterLocksAt));
    }

    [Fact]
    public async Task A_round_with_a_date_of_year_1_or_9999_is_refused_with_the_range_and_the_round_is_unchanged()
    {
        var site = shared.Site;
        using var organizer = await site.OrganizerAsync();
        var before = await site.WithDbAsync(db => db.Rounds.AsNoTracking().SingleAsync(r => r.Sequence == 1));

        foreach (var field in new[] { "SubmissionOpensAt", "SubmissionClosesAt", "ReviewOpensAt", "ReviewClosesAt" })
        foreach (var value in Times)
        {
            var form = new Dictionary<string, string>
            {
                ["Input.Name"] = "改过的轮次", ["Input.Sequence"] = "1",
                ["Input.SubmissionOpensAt"] = "2020-08-15T00:00", ["Input.SubmissionClosesAt"] = "2020-11-01T18:00",
                ["Input.ReviewOpensAt"] = "2020-11-02T00:00", ["Input.ReviewClosesAt"] = "2020-11-12T18:00",
                ["Input.JudgesPerEntry"] = "3", [$"Input.{field}"] = value,
            };
            AssertRefusedWithTheRange(await organizer.PostFormAsync($"/admin/contest/rounds/{before.Id}", form), $"{field}={value}");
        }

        var after = await site.WithDbAsync(db => db.Rounds.AsNoTracking().SingleAsync(r => r.Id == before.Id));
        Assert.Equal((before.Name, before.SubmissionOpensAt, before.SubmissionClosesAt, before.ReviewOpensAt, before.ReviewClosesAt),
            (after.Name, after.SubmissionOpensAt, after.SubmissionClosesAt, after.ReviewOpensAt, after.ReviewClosesAt));
    }

    [Fact]
    public async Task A_new_round_with_a_date_of_year_1_is_refused_and_no_round_is_added()
    {
        var site = shared.Site;
        using var organizer = await site.OrganizerAsync();
        var rounds = await site.WithDbAsync(db => db.Rounds.CountAsync());

        var page = await organizer.PostFormAsync("/admin/contest/rounds/new", new Dictionary<string, string>
        {
            ["Input.Name"] = "加赛", ["Input.Sequence"] = "9",
            ["Input.SubmissionOpensAt"] = "0001-01-01T00:00", ["Input.SubmissionClosesAt"] = "2020-11-01T18:00",
            ["Input.ReviewOpensAt"] = "2020-11-02T00:00", ["Input.ReviewClosesAt"] = "2020-11-12T18:00", ["Input.JudgesPerEntry"] = "3",
        });

        AssertRefusedWithTheRange(page, "new round");
        Assert.Equal(rounds, await site.WithDbAsync(db => db.Rounds.CountAsync()));
    }

    [Fact]
    public async Task An_announcement_scheduled_for_year_1_or_9999_is_refused_with_the_range_and_nothing_is_saved()
    {
        await using var site = await AnnouncementTestKit.SiteAsync();
        using var organizer = await site.OrganizerAsync();

        foreach (var value in Times)
        {
            var form = AnnouncementTestKit.Fields("远期公告", "正文", mode: "Schedule");
            form["Input.PublishAt"] = value;
            AssertRefusedWithTheRange(await organizer.PostFormAsync("/admin/announcements/edit", form), value);
        }

        Assert.Null(await site.FindAsync("远期公告"));
    }

    [Fact]
    public async Task A_gallery_consent_dated_year_1_or_9999_is_refused_with_the_range_and_nothing_is_shown()
    {
        await using var site = await JudgingTestKit.SiteAsync();
        using var organizer = await site.OrganizerAsync();
        var submissionId = await site.EntryAsync("城市停车助手");

        foreach (var value in Times)
        {
            var fields = GalleryTestKit.PublishFields(submissionId, "城市停车助手");
            fields["Input.ConsentGivenAt"] = value;
            var page = await organizer.PublishAsync(fields);
            AssertRefusedWithTheRange(page, value);
            Assert.DoesNotContain("请填写授权时间", page.Text);
        }

        Assert.Equal(0, await site.EntryCountAsync());
    }

    [Fact]
    public async Task Dataset_dates_of_year_1_or_9999_are_refused_with_the_range_and_the_dataset_is_unchanged()
    {
        var site = shared.Site;
        using var organizer = await site.OrganizerAsync();
        var before = await site.WithDbAsync(db => db.Datasets.AsNoTracking().SingleAsync(d => d.Title == "养老机构基本信息"));

        foreach (var field in new[] { "FirstPublished", "LastUpdated" })
        foreach (var value in Dates)
        {
            var form = new Dictionary<string, string>
            {
                ["Input.Title"] = "改过的标题", ["Input.OpenType"] = "Unconditional", [$"Input.{field}"] = value,
            };
            AssertRefusedWithTheRange(await organizer.PostFormAsync($"/admin/datasets/{before.Id}", form), $"{field}={value}");
        }

        var after = await site.WithDbAsync(db => db.Datasets.AsNoTracking().SingleAsync(d => d.Id == before.Id));
        Assert.Equal((before.Title, before.FirstPublished, before.LastUpdated), (after.Title, after.FirstPublished, after.LastUpdated));
    }

    [Fact]
    public async Task A_catalogue_import_with_dates_of_year_1_or_9999_imports_the_rows_without_those_dates()
    {
        var site = shared.Site;
        var header = "source,region,title,description,department,domain,open_type,open_type_raw,update_frequency,formats,record_count,publish_date,update_date,tags,url";
        var csv = string.Join("\n", header,
            "data.example,浙江省,远古数据集,描述,省交通运输厅,交通出行,无条件开放,无条件开放,每月,csv,10,0001-01-01,9999-12-31,公交,https://example/1");

        var report = await CatalogTestKit.ImportTextAsync(site, csv);

        Assert.True(report.Succeeded, report.FatalError);
        var stored = await site.WithDbAsync(db => db.Datasets.AsNoTracking().SingleAsync(d => d.Title == "远古数据集"));
        // Year 1 is dropped; the import publishes the row here, so its first publication is that moment.
        Assert.Equal(site.Clock.GetUtcNow().Year, stored.FirstPublished?.Year);
        Assert.Null(stored.LastUpdated);
    }

    [Fact]
    public async Task Audit_filters_and_exports_from_or_to_year_1_or_9999_are_refused_with_the_range_and_nothing_is_exported()
    {
        var site = shared.Site;
        using var organizer = await site.OrganizerAsync();

        foreach (var (name, label) in new[] { ("from", "开始时间"), ("to", "结束时间") })
        foreach (var value in Times)
        foreach (var handler in new[] { "", "&handler=Csv", "&handler=Xlsx" })
        {
            var url = $"/admin/audit?{name}={Uri.EscapeDataString(value)}{handler}";
            using var response = await organizer.Http.GetAsync(url);
            var page = await SiteClient.Page.ReadAsync(response);
            AssertRefusedWithTheRange(page, url, $"{label}须在 2000-01-01 到 2100-12-31 之间：{value}");
            Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        }

        Assert.Equal(0, await site.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Action == "audit.export")));
    }

    [Fact]
    public async Task The_range_message_is_in_English_for_a_person_who_chose_English()
    {
        await using var site = await SiteFactory.CreateAsync();
        using var organizer = await site.OrganizerAsync();
        await organizer.PostFormAsync("/", new Dictionary<string, string> { ["culture"] = "en-US", ["returnUrl"] = "/" }, "/culture");
        var round = await site.WithDbAsync(db => db.Rounds.AsNoTracking().SingleAsync(r => r.Sequence == 1));

        var page = await organizer.PostFormAsync($"/admin/contest/rounds/{round.Id}", new Dictionary<string, string>
        {
            ["Input.Name"] = "初赛", ["Input.Sequence"] = "1",
            ["Input.SubmissionOpensAt"] = "0001-01-01T00:00", ["Input.SubmissionClosesAt"] = "2020-11-01T18:00",
            ["Input.ReviewOpensAt"] = "2020-11-02T00:00", ["Input.ReviewClosesAt"] = "2020-11-12T18:00", ["Input.JudgesPerEntry"] = "3",
        });

        AssertRefusedWithTheRange(page, "English", "The date must be between 2000-01-01 and 2100-12-31.");
    }
}
