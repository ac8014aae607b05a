using System.Net;
using System.Text.Json;
using ContestSite.Core.Judging;
using ContestSite.Web.Gallery;
using ContestSite.Web.Tests.Infrastructure;
using ContestSite.Web.Tests.Judging;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ContestSite.Web.Tests.Gallery;

/// <summary>The gallery's full-text search in its Lucene index, as visitors use it right after organizers change the gallery.</summary>
public sealed class GallerySearchTests
{
    /// <summary>The ids found by the gallery API for this query string, in order.</summary>
    internal static async Task<List<int>> FoundAsync(SiteClient client, string query)
    {
        using var json = JsonDocument.Parse((await client.GetAsync("/api/gallery?" + query)).Html);
        return json.RootElement.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt32()).ToList();
    }

    internal static string Q(string words) => "q=" + Uri.EscapeDataString(words);

    /// <summary>A site whose background pass runs only at start: what a search finds after a change, the catch-up after the change indexed.</summary>
    private static Task<SiteFactory> SiteAsync(TestProvider provider = TestProvider.Sqlite) =>
        SiteFactory.CreateAsync(provider, settings: s => s["ContestSite:Gallery:Index:FollowInterval"] = "01:00:00", now: JudgingTestKit.DuringReview);

    private static async Task<int> PublishAsync(SiteFactory site, SiteClient organizer, string title, string team, string text, string track = "数字政府")
    {
        var submissionId = await site.EntryAsync(title, track: track);
        var fields = GalleryTestKit.PublishFields(submissionId, title);
        fields["Input.TeamDisplayName"] = team;
        fields["Input.Text"] = text;
        var published = await organizer.PublishAsync(fields);
        Assert.True(published.Status == HttpStatusCode.Redirect, published.Text);
        return await site.EntryIdAsync(submissionId);
    }

    [Theory]
    [InlineData(TestProvider.Sqlite)]
    [InlineData(TestProvider.Postgres)]
    public async Task An_entry_is_found_right_after_publishing_by_words_of_its_title_team_name_and_showcase_text(TestProvider provider)
    {
        await using var site = await SiteAsync(provider);
        using var organizer = await site.OrganizerAsync();
        using var visitor = site.CreateSiteClient();
        Assert.DoesNotContain("智慧交通出行助手", (await visitor.GetAsync("/gallery?" + Q("交通"))).Text);

        var id = await PublishAsync(site, organizer, "智慧交通出行助手", "西湖数据工坊", "为市民提供**停车诱导**和公交换乘服务");

        Assert.Equal([id], await FoundAsync(visitor, Q("交通")));
        Assert.Equal([id], await FoundAsync(visitor, Q("工坊")));
        Assert.Equal([id], await FoundAsync(visitor, Q("停车诱导")));
        Assert.Empty(await FoundAsync(visitor, Q("医疗")));
        // The page a visitor cached before the publication is dropped, and the new one is searched in an index that has the entry.
        Assert.Contains("智慧交通出行助手", (await visitor.GetAsync("/gallery?" + Q("交通"))).Text);
    }

    [Theory]
    [InlineData(TestProvider.Sqlite)]
    [InlineData(TestProvider.Postgres)]
    public async Task Filters_by_year_track_award_and_domain_combine_with_words(TestProvider provider)
    {
        await using var site = await SiteAsync(provider);
        using var organizer = await site.OrganizerAsync();
        using var visitor = site.CreateSiteClient();
        var awardedSubmission = await site.EntryAsync("智慧交通出行助手");
        await site.AwardAsync(awardedSubmission, AwardLevel.First, "一等奖");
        Assert.Equal(HttpStatusCode.Redirect, (await organizer.PublishAsync(GalleryTestKit.PublishFields(awardedSubmission, "智慧交通出行助手"))).Status);
        var awarded = await site.EntryIdAsync(awardedSubmission);
        var economy = await PublishAsync(site, organizer, "交通违法热点分析", "钱塘算法组", "分析违法数据", track: "数字经济");
        var elderly = await PublishAsync(site, organizer, "社区养老服务地图", "银发守护队", "汇集养老机构");
        var government = await site.WithDbAsync(db => db.Tracks.Where(t => t.Name == "数字政府").Select(t => t.Id).SingleAsync());

        Assert.Equal([awarded, economy], (await FoundAsync(visitor, Q("交通"))).Order());
        Assert.Equal([awarded], await FoundAsync(visitor, Q("交通") + $"&track={government}"));
        Assert.Equal([awarded], await FoundAsync(visitor, Q("交通") + "&award=First"));
        Assert.Empty(await FoundAsync(visitor, Q("交通") + "&award=Second"));
        Assert.Equal([awarded, economy], (await FoundAsync(visitor, Q("交通") + "&year=2020&domain=" + Uri.EscapeDataString("城市治理"))).Order());
        Assert.Empty(await FoundAsync(visitor, Q("交通") + "&year=2019"));
        Assert.Empty(await FoundAsync(visitor, Q("交通") + $"&track={government}&award=Second"));
        Assert.Equal([elderly, awarded], await FoundAsync(visitor, $"track={government}"));
        var page = (await visitor.GetAsync("/gallery?" + Q("交通") + "&award=First")).Text;
        Assert.Contains("智慧交通出行助手", page);
        Assert.DoesNotContain("交通违法热点分析", page);
    }

    [Theory]
    [InlineData(TestProvider.Sqlite)]
    [InlineData(TestProvider.Postgres)]
    public async Task A_withdrawn_entry_disappears_from_the_search_at_once_and_comes_back_when_published_again(TestProvider provider)
    {
        await using var site = await SiteAsync(provider);
        using var organizer = await site.OrganizerAsync();
        using var visitor = site.CreateSiteClient();
        var id = await PublishAsync(site, organizer, "智慧交通出行助手", "西湖数据工坊", "停车诱导");
        Assert.Contains("智慧交通出行助手", (await visitor.GetAsync("/gallery?" + Q("交通"))).Text);

        var withdrawn = await organizer.PostFormAsync("/admin/gallery", new Dictionary<string, string>(), $"/admin/gallery?handler=Unpublish&id={id}");

        Assert.Equal(HttpStatusCode.Redirect, withdrawn.Status);
        Assert.Empty(await FoundAsync(visitor, Q("交通")));
        Assert.Empty(await FoundAsync(visitor, ""));
        Assert.DoesNotContain("智慧交通出行助手", (await visitor.GetAsync("/gallery?" + Q("交通"))).Text);
        await organizer.PostFormAsync("/admin/gallery", new Dictionary<string, string>(), $"/admin/gallery?handler=Republish&id={id}");
        Assert.Equal([id], await FoundAsync(visitor, Q("交通")));
    }

    [Fact]
    public async Task An_edited_entry_is_found_by_its_new_words_and_no_longer_by_the_old_ones()
    {
        await using var site = await SiteAsync();
        using var organizer = await site.OrganizerAsync();
        using var visitor = site.CreateSiteClient();
        var id = await PublishAsync(site, organizer, "智慧交通出行助手", "西湖数据工坊", "停车诱导");
        Assert.Equal([id], await FoundAsync(visitor, Q("交通")));

        var saved = await organizer.PostFormAsync($"/admin/gallery/{id}", new Dictionary<string, string>
        {
            ["Input.Title"] = "河道智能巡查", ["Input.Text"] = "无人机巡河", ["Input.TeamDisplayName"] = "治水队", ["Input.MemberDisplayNames"] = "",
            ["Input.Version"] = "0",
        });

        Assert.Equal(HttpStatusCode.Redirect, saved.Status);
        Assert.Equal([id], await FoundAsync(visitor, Q("巡查 无人机 治水")));
        Assert.Empty(await FoundAsync(visitor, Q("交通")));
        Assert.Empty(await FoundAsync(visitor, Q("工坊")));
    }

    [Fact]
    public async Task Without_showcase_text_the_versions_own_description_is_searched()
    {
        await using var site = await SiteAsync();
        using var organizer = await site.OrganizerAsync();
        using var visitor = site.CreateSiteClient();

        // The kit's version description is "**作品介绍**"; the entry page shows it when the showcase text is empty.
        var id = await PublishAsync(site, organizer, "智慧交通出行助手", "西湖数据工坊", "");

        Assert.Equal([id], await FoundAsync(visitor, Q("作品介绍")));
    }

    [Fact]
    public async Task An_entry_missing_from_a_nodes_gallery_index_is_indexed_again_in_the_background()
    {
        await using var site = await JudgingTestKit.SiteAsync();
        using var organizer = await site.OrganizerAsync();
        var id = await PublishAsync(site, organizer, "智慧交通出行助手", "西湖数据工坊", "停车诱导");
        var index = site.Services.GetRequiredService<ContestSite.Search.Gallery.GalleryIndex>();
        index.Delete(id);
        index.Commit();
        using var visitor = site.CreateSiteClient();
        Assert.Empty(await FoundAsync(visitor, Q("交通")));

        // The background pass runs every second of the site's clock: the test moves it a second at a time until a pass has run.
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while ((await FoundAsync(visitor, Q("交通"))).Count == 0 && waited.Elapsed < TimeSpan.FromSeconds(15))
        {
            site.Clock.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(50);
        }

        Assert.Equal([id], await FoundAsync(visitor, Q("交通")));
    }

    [Fact]
    public async Task Callers_catching_up_together_all_see_a_change_committed_before_they_asked()
    {
        await using var site = await SiteAsync();
        using var organizer = await site.OrganizerAsync();
        var submissionId = await site.EntryAsync("智慧交通出行助手");
        await organizer.PublishAsync(GalleryTestKit.PublishFields(submissionId, "智慧交通出行助手", publishNow: false));
        var indexing = site.Services.GetRequiredService<GalleryIndexService>();
        var index = site.Services.GetRequiredService<ContestSite.Search.Gallery.GalleryIndex>();
        Assert.Equal(0, index.Count);

        // Published behind the site's back, as another node would: only a pass that starts after this commit can see it.
        await site.WithDbAsync(async db =>
        {
            var entry = await db.GalleryEntries.SingleAsync();
            entry.PublishedAt = site.Clock.GetUtcNow();
            entry.Version++;
            await db.SaveChangesAsync();
            return entry.Id;
        });
        await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => indexing.CatchUpAsync()));

        Assert.Equal(1, index.Count);
    }
}
