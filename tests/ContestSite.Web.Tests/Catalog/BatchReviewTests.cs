using System.Data.Common;
using System.Diagnostics;
using Xunit.Abstractions;
using System.Net;
using ContestSite.Core.Catalog;
using ContestSite.Web.Catalog.Review;
using ContestSite.Web.Tests.Admin;
using ContestSite.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using static ContestSite.Web.Tests.Catalog.ReviewTestKit;

namespace ContestSite.Web.Tests.Catalog;

/// <summary>Imports arrive unpublished; many datasets are reviewed with one assessment, all or nothing; two reviewers at once record one review.</summary>
public sealed class BatchReviewTests(ITestOutputHelper output)
{
    private static void InReview(Dictionary<string, string?> settings) => settings["ContestSite:Catalog:Import:ArriveAs"] = "InReview";

    private static Task<List<Dataset>> ImportedAsync(SiteFactory site, string prefix) =>
        site.WithDbAsync(db => db.Datasets.AsNoTracking().Where(d => d.Title.StartsWith(prefix)).OrderBy(d => d.Title).ToListAsync());

    [Fact]
    public async Task Imports_on_the_admin_page_arrive_as_drafts_and_a_reimport_keeps_a_published_dataset_published()
    {
        await using var site = await SiteFactory.CreateAsync();
        using var organizer = await site.OrganizerAsync();

        var report = await ImportOnAdminPageAsync(organizer, Catalogue("骑行驿站", 2));

        Assert.Contains("新增的 2 个数据集为草稿", report);
        var imported = await ImportedAsync(site, "骑行驿站");
        Assert.All(imported, d => Assert.Equal(DatasetStatus.Draft, d.Status));
        Assert.Single(imported.Select(d => d.ImportId).Distinct());
        using var visitor = site.CreateSiteClient();
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync($"/datasets/{imported[0].Id}")).Status);

        await site.PublishThroughReviewAsync(imported[0].Id);
        await ImportOnAdminPageAsync(organizer, Catalogue("骑行驿站", 2, "站点信息（2021 年版）"));

        var again = await ImportedAsync(site, "骑行驿站");
        Assert.Equal([DatasetStatus.Published, DatasetStatus.Draft], again.Select(d => d.Status));
        Assert.All(again, d => Assert.Equal("站点信息（2021 年版）", d.Description));
    }

    [Fact]
    public async Task With_the_setting_imports_arrive_in_review_submitted_by_the_importing_organizer_and_wait_in_other_organizers_inboxes()
    {
        await using var site = await SiteFactory.CreateAsync(settings: InReview);
        using var organizer = await site.OrganizerAsync();
        await site.SecondOrganizerIdAsync();
        using var second = await site.SignedInAsync(CatalogReviewBuilders.SecondOrganizerEmail);

        var report = await ImportOnAdminPageAsync(organizer, Catalogue("骑行驿站", 2));

        Assert.Contains("新增的 2 个数据集已由您提交审核", report);
        var organizerId = await site.OrganizerIdAsync();
        var imported = await ImportedAsync(site, "骑行驿站");
        Assert.All(imported, d => Assert.Equal((DatasetStatus.InReview, 1, organizerId), (d.Status, d.ReviewRound, d.SubmittedById)));
        Assert.Equal(2, await site.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Action == "catalog.dataset-submitted" && e.ActorId == organizerId)));
        Assert.False((await InboxTests.InboxAsync(organizer)).ContainsKey("catalog.review"));
        Assert.Equal("待审核的数据集：2 个", (await InboxTests.InboxAsync(second))["catalog.review"]);
    }

    [Fact]
    public async Task A_batch_holding_one_dataset_the_reviewer_submitted_is_refused_whole_and_names_that_dataset()
    {
        await using var site = await SiteFactory.CreateAsync(settings: InReview);
        using var organizer = await site.OrganizerAsync();
        await site.SecondOrganizerIdAsync();
        using var second = await site.SignedInAsync(CatalogReviewBuilders.SecondOrganizerEmail);
        await ImportOnAdminPageAsync(organizer, Catalogue("骑行驿站", 3));
        var own = await DraftAsync(site, second, "自己提交的驿站");
        await SubmitAsync(second, own);
        var items = (await ImportedAsync(site, "骑行驿站")).Select(d => $"{d.Id}:1").Append($"{own}:1").ToList();

        var batch = await second.PostAsync("/admin/datasets/review-batch", Form(await TokenAsync(second), items, Approval()));
        var decided = await second.PostAsync("/admin/datasets/review-batch?handler=Decide", Form(await TokenAsync(second), items, Approval()));

        Assert.Contains("本批共 4 个数据集", batch.Text);
        Assert.Equal(HttpStatusCode.OK, decided.Status);
        Assert.Contains("“自己提交的驿站”由您提交审核，须由另一位组织者审核", decided.Text);
        Assert.All(await ImportedAsync(site, "骑行驿站"), d => Assert.Equal(DatasetStatus.InReview, d.Status));
        Assert.Equal(DatasetStatus.InReview, await StatusAsync(site, own));
        Assert.Equal(0, await site.WithDbAsync(db => db.DatasetReviews.CountAsync(r => !r.ByRecipe)));
        Assert.Equal(0, await site.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Action == "catalog.dataset-reviewed" && e.Outcome != "published-by-recipe")));
    }

    [Theory]
    [InlineData(TestProvider.Sqlite)]
    [InlineData(TestProvider.Postgres)]
    public async Task A_thousand_datasets_of_one_import_are_published_in_one_batch_with_one_assessment(TestProvider provider)
    {
        await using var site = await SiteFactory.CreateAsync(provider, settings: InReview);
        using var organizer = await site.OrganizerAsync();
        await site.SecondOrganizerIdAsync();
        using var second = await site.SignedInAsync(CatalogReviewBuilders.SecondOrganizerEmail);
        await ImportOnAdminPageAsync(organizer, Catalogue("骑行驿站", 1000));
        var importId = (await ImportedAsync(site, "骑行驿站")).Select(d => d.ImportId).Distinct().Single()!.Value;
        var list = await second.GetAsync($"/admin/datasets?import={importId}");
        Assert.Contains("批量审核本次导入中全部待审核的数据集（1000 个）", list.Text);

        var fields = new Dictionary<string, string>(Approval()) { ["ImportId"] = importId.ToString(), ["__RequestVerificationToken"] = list.AntiforgeryToken! };
        var clock = Stopwatch.StartNew();
        var decided = await second.PostAsync("/admin/datasets/review-batch?handler=Decide", fields);
        output.WriteLine($"{provider}: 1000 datasets reviewed in one batch in {clock.ElapsedMilliseconds} ms");

        Assert.Equal(HttpStatusCode.Redirect, decided.Status);
        var imported = await ImportedAsync(site, "骑行驿站");
        Assert.Equal(1000, imported.Count(d => d.Status == DatasetStatus.Published));
        var reviews = await site.WithDbAsync(db => db.DatasetReviews.Where(r => !r.ByRecipe).ToListAsync());
        Assert.Equal(1000, reviews.Count);
        Assert.Single(reviews.Select(r => r.BatchId).Distinct());
        Assert.All(reviews, r => Assert.Equal(1000, r.BatchSize));
        Assert.Equal(1000, await site.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Action == "catalog.dataset-reviewed" && e.Outcome == "approved")));
    }

    [Theory]
    [InlineData(TestProvider.Sqlite)]
    [InlineData(TestProvider.Postgres)]
    public async Task Two_reviewers_approving_the_same_dataset_at_the_same_instant_record_one_review(TestProvider provider)
    {
        var gate = new BothLoadsGate();
        await using var site = await SiteFactory.CreateAsync(provider, services: s => s.AddSingleton<IInterceptor>(gate));
        using var organizer = await site.OrganizerAsync();
        var id = await DraftAsync(site, organizer, "公共自行车站点");
        await SubmitAsync(organizer, id);
        await site.SecondOrganizerIdAsync();
        await site.CreateUserAsync("third-organizer@test.local", SiteBuilders.Password, "Organizer");
        using var second = await site.SignedInAsync(CatalogReviewBuilders.SecondOrganizerEmail);
        using var third = await site.SignedInAsync("third-organizer@test.local");
        gate.Armed = true;

        var pages = await Task.WhenAll(ReviewAsync(site, second, id, Approval()), ReviewAsync(site, third, id, Approval()));

        Assert.True(gate.BothArrived, "both reviews read the dataset in review before either changed it");
        Assert.True(pages.Count(p => p.Status == HttpStatusCode.Redirect) == 1, "one review is recorded: " + string.Join(" | ", pages.Select(p => $"{p.Status} {Alert(p)}")));
        Assert.True(pages.Count(p => p.Text.Contains("刚被其他组织者审核或撤回", StringComparison.Ordinal)) == 1, "the other is told: " + string.Join(" | ", pages.Select(Alert)));
        Assert.Equal(DatasetStatus.Published, await StatusAsync(site, id));
        Assert.Equal(1, await site.WithDbAsync(db => db.DatasetReviews.CountAsync(r => r.DatasetId == id)));
        Assert.Equal(1, await site.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Action == "catalog.dataset-reviewed" && e.DatasetId == id)));
    }

    [Fact]
    public async Task The_default_recipe_publishes_its_catalogue_recorded_as_published_by_the_recipe_not_by_a_person()
    {
        await using var site = await SiteFactory.CreateAsync();

        var datasets = await site.WithDbAsync(db => db.Datasets.AsNoTracking().ToListAsync());
        var reviews = await site.WithDbAsync(db => db.DatasetReviews.AsNoTracking().ToListAsync());

        Assert.NotEmpty(datasets);
        Assert.All(datasets, d => Assert.Equal(DatasetStatus.Published, d.Status));
        Assert.Equal(datasets.Select(d => d.Id).Order(), reviews.Select(r => r.DatasetId).Order());
        Assert.All(reviews, r => Assert.Equal((true, null, "安装配方", false, false, false), (r.ByRecipe, r.ReviewerId, r.ReviewerName, r.LevelConfirmed, r.SensitiveFieldsConfirmed, r.MaskingRulesComplete)));
        Assert.Equal(datasets.Count, await site.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Action == "catalog.dataset-reviewed" && e.Outcome == "published-by-recipe")));
        using var visitor = site.CreateSiteClient();
        Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync($"/datasets/{datasets[0].Id}")).Status);
    }

    [Fact]
    public void An_import_arrival_other_than_draft_or_in_review_stops_the_start_naming_the_setting()
    {
        ServiceProvider Site(string value)
        {
            var services = new ServiceCollection();
            services.AddSingleton<IConfiguration>(new ConfigurationBuilder()
                .AddInMemoryCollection(new Dictionary<string, string?> { ["ContestSite:Catalog:Import:ArriveAs"] = value }).Build());
            return services.AddCatalogImportOptions().BuildServiceProvider();
        }
        using var published = Site("Published");
        using var number = Site("7");
        using var inReview = Site("InReview");

        Assert.Contains("ArriveAs", Assert.Throws<InvalidOperationException>(() => published.GetRequiredService<IOptions<CatalogImportOptions>>().Value).Message);
        Assert.Contains("ContestSite__Catalog__Import__ArriveAs must be Draft or InReview (was 7)",
            Assert.Throws<OptionsValidationException>(() => number.GetRequiredService<IOptions<CatalogImportOptions>>().Value).Message);
        Assert.Equal(ImportArrivalState.InReview, inReview.GetRequiredService<IOptions<CatalogImportOptions>>().Value.ArriveAs);
    }

    private static string Alert(SiteClient.Page page) =>
        System.Text.RegularExpressions.Regex.Match(page.Text, "(“[^”]*”[^\\n]{0,80}|所选数据集中有的[^\\n]{0,40}|[^\\n]{0,40}不能[^\\n]{0,40})").Value;

    private static async Task<string> TokenAsync(SiteClient client) => (await client.GetAsync("/admin/datasets/import")).AntiforgeryToken!;

    private static List<KeyValuePair<string, string>> Form(string token, IEnumerable<string> items, Dictionary<string, string> assessment) =>
        [.. assessment, .. items.Select(i => new KeyValuePair<string, string>("Items", i)), new("__RequestVerificationToken", token)];

    /// <summary>Holds each review's reading of the datasets until two have read, so both have seen the dataset in review.</summary>
    private sealed class BothLoadsGate : DbCommandInterceptor
    {
        private readonly TaskCompletionSource _both = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _arrived;
        public bool Armed { get; set; }
        public bool BothArrived => _both.Task.IsCompletedSuccessfully;

        // After the read, so both have seen the dataset in review before either goes on to change it.
        public override async ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result,
            CancellationToken cancellationToken = default)
        {
            if (Armed && command.CommandText.Contains(ReviewDatasets.LoadTag, StringComparison.Ordinal))
            {
                if (Interlocked.Increment(ref _arrived) == 2) _both.TrySetResult();
                await Task.WhenAny(_both.Task, Task.Delay(TimeSpan.FromSeconds(20), cancellationToken));
            }
            return result;
        }
    }
}
