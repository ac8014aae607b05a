using ContestSite.Core.Catalog;
using ContestSite.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ContestSite.Web.Tests.Catalog;

/// <summary>The performance page opens on the latest year in which a dataset was opened, not on a new year without data.</summary>
public sealed class StatsOpeningYearTests
{
    [Fact]
    public async Task The_stats_page_opens_on_the_latest_year_with_a_dataset_opened_and_a_year_asked_for_still_wins()
    {
        await using var site = await SiteFactory.CreateAsync();
        var year = OpeningPerformanceTests.YearOf(site);
        var opened = new DateTimeOffset(year - 2, 6, 1, 0, 0, 0, TimeSpan.FromHours(8));
        await site.WithDbAsync(db =>
        {
            db.Datasets.Add(new Dataset { Title = "体育场馆", Province = "浙江省", Provider = "省体育局", FirstPublished = opened, Status = DatasetStatus.Published, CreatedAt = opened, UpdatedAt = opened });
            db.Datasets.Add(new Dataset { Title = "未来数据", Province = "浙江省", Provider = "省体育局", FirstPublished = opened.AddYears(3), Status = DatasetStatus.Published, CreatedAt = opened, UpdatedAt = opened });
            return db.SaveChangesAsync();
        });
        using var organizer = await site.OrganizerAsync();

        var opening = await organizer.GetAsync("/datasets/stats");
        var asked = await organizer.GetAsync($"/datasets/stats?year={year}");

        Assert.Contains($"<option value=\"{year - 2}\" selected=\"selected\">", opening.Html);
        Assert.Contains($"href=\"/datasets/stats?handler=Csv&amp;year={year - 2}\"", opening.Html);
        Assert.Contains($"<option value=\"{year}\" selected=\"selected\">", asked.Html);
    }

    [Fact]
    public async Task Without_any_dataset_opened_the_stats_page_opens_on_this_year()
    {
        await using var site = await SiteFactory.CreateAsync();
        await site.WithDbAsync(db => db.Datasets.ExecuteUpdateAsync(s => s.SetProperty(d => d.Status, DatasetStatus.Draft)));
        using var organizer = await site.OrganizerAsync();

        var opening = await organizer.GetAsync("/datasets/stats");

        Assert.Contains($"<option value=\"{OpeningPerformanceTests.YearOf(site)}\" selected=\"selected\">", opening.Html);
    }
}
