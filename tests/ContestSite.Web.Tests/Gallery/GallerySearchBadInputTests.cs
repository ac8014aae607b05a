using System.Net;
using System.Text.Json;
using ContestSite.Search.Gallery;
using ContestSite.Web.Tests.Infrastructure;
using ContestSite.Web.Tests.Judging;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ContestSite.Web.Tests.Gallery;

/// <summary>One site with two published entries, shared by the bad-input cases: they only read, and each checks that nothing changed.</summary>
public sealed class GallerySearchSite : IAsyncLifetime
{
    public SiteFactory Site { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Site = await JudgingTestKit.SiteAsync();
        using var organizer = await Site.OrganizerAsync();
        await Site.PublishedEntryAsync(organizer, "智慧交通出行助手");
        await Site.PublishedEntryAsync(organizer, "交通违法热点分析");
    }

    public async Task DisposeAsync() => await Site.DisposeAsync();
}

/// <summary>The catalogue search's bad inputs, and a few more, sent to the gallery: each answers like the plain words in it.</summary>
public sealed class GallerySearchBadInputTests(GallerySearchSite fixture) : IClassFixture<GallerySearchSite>
{
    private SiteFactory Site => fixture.Site;

    [Theory]
    [InlineData("\"交通", "交通")]
    [InlineData("(交通]", "交通")]
    [InlineData("[交通 TO 违法}", "交通 to 违法")]
    [InlineData("*:*", "")]
    [InlineData("*交通", "交通")]
    [InlineData("交*", "交")]
    [InlineData("交?通", "交 通")]
    [InlineData("交通~2", "交通 2")]
    [InlineData("+交通 -违法", "交通 违法")]
    [InlineData("\u0000\u0001\u001f交通\u007f", "交通")]
    [InlineData("title:交通 AND OR NOT", "title 交通 and or not")]
    [InlineData("id:1", "id 1")]
    [InlineData("%%_\\", "")]
    [InlineData("<script>alert(1)</script>交通", "script alert 1 script 交通")]
    [InlineData("交通' OR '1'='1", "交通 or 1 1")]
    public async Task A_gallery_query_with_search_syntax_answers_like_its_plain_words_and_changes_nothing(string typed, string plain)
    {
        using var client = Site.CreateSiteClient();
        var before = await StateAsync();

        var expected = await GallerySearchTests.FoundAsync(client, GallerySearchTests.Q(plain));
        using var response = await client.Http.GetAsync("/api/gallery?" + GallerySearchTests.Q(typed));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(expected, json.RootElement.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt32()));
        Assert.Equal(expected.Count, json.RootElement.GetProperty("total").GetInt32());
        var page = await client.GetAsync("/gallery?" + GallerySearchTests.Q(typed));
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal(expected.Count > 0, page.Text.Contains("智慧交通出行助手", StringComparison.Ordinal) || page.Text.Contains("交通违法热点分析", StringComparison.Ordinal));
        Assert.Equal(before, await StateAsync());
    }

    [Fact]
    public async Task A_ten_thousand_character_query_is_cut_to_its_first_200_characters_and_answers()
    {
        using var client = Site.CreateSiteClient();
        var before = await StateAsync();

        var cut = await GallerySearchTests.FoundAsync(client, GallerySearchTests.Q(new string('交', 200)));
        var found = await GallerySearchTests.FoundAsync(client, GallerySearchTests.Q(new string('交', 9_990) + "通违法"));
        var repeated = await GallerySearchTests.FoundAsync(client, GallerySearchTests.Q(string.Concat(Enumerable.Repeat("交通 ", 2_000))));

        Assert.Equal(cut, found);
        Assert.Equal(2, repeated.Count);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/gallery?" + GallerySearchTests.Q(new string('交', 10_000)))).Status);
        Assert.Equal(before, await StateAsync());
    }

    [Theory]
    [InlineData("page=-1")]
    [InlineData("page=99999999&pageSize=100")]
    [InlineData("page=abc&pageSize=xyz")]
    [InlineData("pageSize=100000")]
    [InlineData("year=x&track=%E4%B8%8D%E5%AD%98%E5%9C%A8&award=Secret")]
    public async Task Bad_paging_and_filter_values_with_words_answer_a_normal_page(string rest)
    {
        using var client = Site.CreateSiteClient();

        using var response = await client.Http.GetAsync("/api/gallery?" + GallerySearchTests.Q("交通") + "&" + rest);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(2, json.RootElement.GetProperty("total").GetInt32());
        Assert.InRange(json.RootElement.GetProperty("page").GetInt32(), 1, 10_000);
        Assert.InRange(json.RootElement.GetProperty("pageSize").GetInt32(), 1, 100);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/gallery?" + GallerySearchTests.Q("交通") + "&" + rest)).Status);
    }

    /// <summary>What a search must never change: the entries as stored, and what the gallery index holds.</summary>
    private Task<string> StateAsync() => Site.WithDbAsync(async db =>
    {
        var entries = await db.GalleryEntries.AsNoTracking().OrderBy(e => e.Id).Select(e => new { e.Id, e.Version, e.PublishedAt, e.LikeCount }).ToListAsync();
        var index = Site.Services.GetRequiredService<GalleryIndex>();
        return JsonSerializer.Serialize(entries) + "|" + index.Count + "|" + JsonSerializer.Serialize(index.Stamps().OrderBy(p => p.Key));
    });
}
