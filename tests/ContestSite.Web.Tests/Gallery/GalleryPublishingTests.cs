using System.Net;
using System.Text.Json;
using ContestSite.Core.Judging;
using ContestSite.Web.Tests.Infrastructure;
using ContestSite.Web.Tests.Judging;
using Microsoft.EntityFrameworkCore;

namespace ContestSite.Web.Tests.Gallery;

public sealed class GalleryPublishingTests
{
    [Theory]
    [InlineData(TestProvider.Sqlite)]
    [InlineData(TestProvider.Postgres)]
    public async Task An_entry_published_without_the_teams_consent_is_refused_and_nothing_is_shown(TestProvider provider)
    {
        await using var site = await JudgingTestKit.SiteAsync(provider);
        using var organizer = await site.OrganizerAsync();
        var submissionId = await site.EntryAsync("城市停车助手");

        var refused = await organizer.PublishAsync(GalleryTestKit.PublishFields(submissionId, "城市停车助手", consent: false));

        Assert.True(refused.Status == HttpStatusCode.OK, refused.Text);
        Assert.Contains("请确认已取得团队的展示授权", refused.Text);
        Assert.Contains("请填写授权人", refused.Text);
        Assert.Equal(0, await site.EntryCountAsync());
        Assert.DoesNotContain("城市停车助手", (await site.CreateSiteClient().GetAsync("/gallery")).Text);
        Assert.Equal(1, await site.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Action == "gallery.publish" && e.Outcome == "refused")));
    }

    [Theory]
    [InlineData(TestProvider.Sqlite)]
    [InlineData(TestProvider.Postgres)]
    public async Task An_entry_published_with_consent_is_public_until_it_is_withdrawn(TestProvider provider)
    {
        await using var site = await JudgingTestKit.SiteAsync(provider);
        using var organizer = await site.OrganizerAsync();
        using var visitor = site.CreateSiteClient();
        Assert.DoesNotContain("智慧公交", (await visitor.GetAsync("/gallery")).Text);

        var id = await site.PublishedEntryAsync(organizer, "智慧公交");

        Assert.Contains("智慧公交", (await visitor.GetAsync("/gallery")).Text);
        Assert.Equal(HttpStatusCode.OK, (await organizer.GetAsync("/admin/gallery")).Status);
        var page = await visitor.GetAsync($"/gallery/{id}");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("李某", page.Text);
        using var api = JsonDocument.Parse((await visitor.GetAsync($"/api/gallery/{id}")).Html);
        Assert.Equal("智慧公交团队", api.RootElement.GetProperty("teamName").GetString());
        var unpublished = await organizer.PostFormAsync("/admin/gallery", new Dictionary<string, string>(), $"/admin/gallery?handler=Unpublish&id={id}");
        Assert.Equal(HttpStatusCode.Redirect, unpublished.Status);
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync($"/gallery/{id}")).Status);
        Assert.DoesNotContain("智慧公交", (await visitor.GetAsync("/gallery")).Text);
        Assert.Equal(1, await site.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Action == "gallery.unpublished")));
    }

    [Theory]
    [InlineData(TestProvider.Sqlite)]
    [InlineData(TestProvider.Postgres)]
    public async Task Publishing_a_rounds_awarded_entries_publishes_only_those_with_consent_and_names_the_skipped_teams(TestProvider provider)
    {
        await using var site = await JudgingTestKit.SiteAsync(provider);
        using var organizer = await site.OrganizerAsync();
        var consented = await site.EntryAsync("养老地图", teamName: "银发队");
        var withoutConsent = await site.EntryAsync("学区查询", teamName: "书包队");
        await organizer.PublishAsync(GalleryTestKit.PublishFields(consented, "养老地图", publishNow: false));
        await site.AwardAsync(consented, AwardLevel.First, "一等奖");
        var roundId = await site.AwardAsync(withoutConsent, AwardLevel.Second, "二等奖");

        var done = await organizer.PostFormAsync("/admin/gallery", new Dictionary<string, string> { ["roundId"] = roundId.ToString(System.Globalization.CultureInfo.InvariantCulture) }, "/admin/gallery?handler=Awarded");

        Assert.Equal(HttpStatusCode.Redirect, done.Status);
        Assert.Contains("以下团队未记录展示授权，已跳过：书包队", (await organizer.GetAsync("/admin/gallery")).Text);
        var entries = await site.WithDbAsync(db => db.GalleryEntries.AsNoTracking().ToListAsync());
        var entry = Assert.Single(entries);
        Assert.Equal(consented, entry.SubmissionId);
        Assert.NotNull(entry.PublishedAt);
        Assert.Equal("一等奖", entry.AwardName);
        Assert.Contains("一等奖", (await site.CreateSiteClient().GetAsync($"/gallery/{entry.Id}")).Text);
    }

    [Fact]
    public async Task Editing_the_showcase_text_shows_the_new_text_to_visitors_at_once()
    {
        await using var site = await JudgingTestKit.SiteAsync();
        using var organizer = await site.OrganizerAsync();
        using var visitor = site.CreateSiteClient();
        var id = await site.PublishedEntryAsync(organizer, "河道巡查");
        Assert.Contains("河道巡查", (await visitor.GetAsync($"/gallery/{id}")).Text);

        var saved = await organizer.PostFormAsync($"/admin/gallery/{id}", new Dictionary<string, string>
        {
            ["Input.Title"] = "河道智能巡查", ["Input.Text"] = "新的介绍", ["Input.TeamDisplayName"] = "治水队", ["Input.MemberDisplayNames"] = "",
            ["Input.Version"] = "0",
        });

        Assert.Equal(HttpStatusCode.Redirect, saved.Status);
        var page = (await visitor.GetAsync($"/gallery/{id}")).Text;
        Assert.Contains("河道智能巡查", page);
        Assert.Contains("新的介绍", page);
    }
}
