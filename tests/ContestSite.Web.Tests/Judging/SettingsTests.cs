using System.Net;
using ContestSite.Core.Judging;
using ContestSite.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static ContestSite.Web.Tests.Judging.JudgingTestKit;

namespace ContestSite.Web.Tests.Judging;

/// <summary>The refused settings share one site (nothing may be saved on it); the settings that are saved have their own.</summary>
public sealed class SettingsTests(SettingsTests.InReview shared) : IClassFixture<SettingsTests.InReview>
{
    public sealed class InReview : SharedSite
    {
        protected override Task<SiteFactory> StartAsync() => SiteAsync();
    }

    [Theory]
    [InlineData("0", "20", "晋级比例须是大于 0 且不超过 100 的数字")]
    [InlineData("150", "20", "晋级比例须是大于 0 且不超过 100 的数字")]
    [InlineData("", "abc", "分歧阈值须是 0 到 100 之间的数字")]
    [InlineData("", "1e309", "分歧阈值须是 0 到 100 之间的数字")]
    public async Task Bad_round_settings_are_refused_and_nothing_is_saved(string share, string threshold, string message)
    {
        var site = shared.Site;
        var roundId = (await site.FirstRoundAsync()).Id;
        using var organizer = await site.OrganizerAsync();
        var url = $"/admin/judging/rounds/{roundId}";

        var refused = await organizer.PostFormAsync(url, new Dictionary<string, string> { ["sharePercent"] = share, ["threshold"] = threshold, ["ranking"] = "Raw" }, url + "?handler=Settings");

        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains(message, refused.Text);
        Assert.Equal(0, await site.WithDbAsync(db => db.RoundJudgingSettings.CountAsync()));
    }

    [Theory]
    [InlineData(TestProvider.Sqlite)]
    [InlineData(TestProvider.Postgres)]
    public async Task Round_settings_are_saved_and_audited(TestProvider provider)
    {
        await using var site = await SiteAsync(provider);
        var roundId = (await site.FirstRoundAsync()).Id;
        using var organizer = await site.OrganizerAsync();
        var url = $"/admin/judging/rounds/{roundId}";

        await organizer.PostFormAsync(url, new Dictionary<string, string> { ["sharePercent"] = "12.5", ["threshold"] = "15", ["ranking"] = "Raw" }, url + "?handler=Settings");

        var settings = await site.WithDbAsync(db => db.RoundJudgingSettings.SingleAsync());
        Assert.Equal(12.5m, settings.AdvanceSharePercent);
        Assert.Equal(15m, settings.DisagreementThreshold);
        Assert.Equal(RankingMethod.Raw, settings.Ranking);
        Assert.Equal(1, await site.AuditCountAsync("judging.settings-changed"));
    }

    [Fact]
    public async Task A_judge_keeps_a_profile_and_too_many_tags_are_refused()
    {
        await using var site = await SiteAsync();
        var judgeId = await site.JudgeAsync("judge@test.local");
        using var judge = await site.SignedInAsync("judge@test.local");

        var tooMany = string.Join("，", Enumerable.Range(1, 21).Select(i => $"标签{i}"));
        var refused = await judge.PostFormAsync("/judging/profile", new Dictionary<string, string> { ["Organization"] = "浙江大学", ["Tags"] = tooMany });
        Assert.Contains("专长标签最多 20 个", refused.Text);
        Assert.Equal(0, await site.WithDbAsync(db => db.JudgeProfiles.CountAsync()));

        await judge.PostFormAsync("/judging/profile", new Dictionary<string, string> { ["Organization"] = " 浙江大学 ", ["Tags"] = "交通, 医疗；交通" });
        var profile = await site.WithDbAsync(db => db.JudgeProfiles.SingleAsync(p => p.UserId == judgeId));
        Assert.Equal("浙江大学", profile.Organization);
        Assert.Equal("交通，医疗", profile.ExpertiseTags);
    }

    [Fact]
    public async Task The_workspace_proposes_a_conflict_where_the_judges_organization_matches_a_team_member()
    {
        await using var site = await SiteAsync();
        await site.JudgeAsync("judge@test.local", organization: "浙江大学");
        var entry = await site.EntryAsync("浙大作品", organization: "浙江大学计算机学院");
        await site.EntryAsync("别家作品", organization: "宁波大学");
        using var judge = await site.SignedInAsync("judge@test.local");

        var page = await judge.GetAsync("/judging");

        Assert.Contains("以下作品的团队与您的单位相同", page.Text);
        Assert.Contains($"作品 {entry}", page.Text);
        Assert.DoesNotContain("浙江大学计算机学院", page.Text);
    }
}
