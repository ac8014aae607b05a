using System.Net;
using ContestSite.Core.Contests;
using ContestSite.Web.Tests.Infrastructure;
using ContestSite.Web.Tests.Judging;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static ContestSite.Web.Tests.Judging.JudgingTestKit;

namespace ContestSite.Web.Tests.Contests;

/// <summary>
/// A round's rubric decides every total, and totals are stored with each review: once judges could score, no
/// criterion is added, removed or reweighted, so results cannot be rewritten after the fact by editing the rubric.
/// </summary>
public sealed class RubricLockTests
{
    private const string ReviewOpened = "本轮评审已于 2020-11-01 00:00 开始，评分项、权重和满分不能再修改";

    private static string RoundUrl(int roundId) => $"/admin/contest/rounds/{Id(roundId)}";

    private static Dictionary<string, string> Criterion(RubricCriterion c, string? name = null, decimal? weight = null, decimal? max = null, bool? whole = null)
    {
        var form = new Dictionary<string, string>
        {
            ["criterion.Id"] = Id(c.Id), ["criterion.Name"] = name ?? c.Name, ["criterion.Guidance"] = c.Guidance ?? "",
            ["criterion.Weight"] = (weight ?? c.Weight).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["criterion.MaxScore"] = (max ?? c.MaxScore).ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        if (whole ?? c.WholeNumbersOnly) form["criterion.WholeNumbersOnly"] = "true";
        return form;
    }

    private static Task<List<RubricCriterion>> RubricAsync(SiteFactory site, int roundId) =>
        site.WithDbAsync(db => db.RubricCriteria.AsNoTracking().Where(c => c.RoundId == roundId).OrderBy(c => c.Id).ToListAsync());

    private static string Snapshot(IEnumerable<RubricCriterion> rubric) =>
        string.Join("|", rubric.Select(c => $"{c.Id}:{c.Name}:{c.Weight}:{c.MaxScore}:{c.WholeNumbersOnly}"));

    [Theory]
    [InlineData(TestProvider.Sqlite)]
    [InlineData(TestProvider.Postgres)]
    public async Task Once_review_has_opened_no_criterion_is_added_removed_or_reweighted_and_nothing_changes(TestProvider provider)
    {
        await using var site = await SiteAsync(provider);
        using var organizer = await site.OrganizerAsync();
        var round = await site.FirstRoundAsync();
        var first = round.Criteria[0];
        var url = RoundUrl(round.Id);
        var before = Snapshot(await RubricAsync(site, round.Id));

        var attempts = new[]
        {
            await organizer.PostFormAsync(url, Criterion(first, weight: first.Weight + 10), url + "?handler=SaveCriterion"),
            await organizer.PostFormAsync(url, Criterion(first, max: 100), url + "?handler=SaveCriterion"),
            await organizer.PostFormAsync(url, Criterion(first, whole: !first.WholeNumbersOnly), url + "?handler=SaveCriterion"),
            await organizer.PostFormAsync(url, new Dictionary<string, string> { ["criterion.Name"] = "临时加分项", ["criterion.Weight"] = "20", ["criterion.MaxScore"] = "10" }, url + "?handler=SaveCriterion"),
            await organizer.PostFormAsync(url, new Dictionary<string, string> { ["criterionId"] = Id(first.Id) }, url + "?handler=DeleteCriterion"),
        };

        Assert.All(attempts, a => Assert.Equal(HttpStatusCode.Redirect, a.Status));
        Assert.Equal(before, Snapshot(await RubricAsync(site, round.Id)));
        Assert.Equal(0, await site.AuditCountAsync("contest.rubric-saved"));
        Assert.Equal(0, await site.AuditCountAsync("contest.rubric-deleted"));
        var page = await organizer.GetAsync(url);
        Assert.Contains(ReviewOpened, page.Text);
        Assert.DoesNotContain("handler=DeleteCriterion", page.Html);
        Assert.DoesNotContain("新增评分项", page.Text);
    }

    [Fact]
    public async Task While_review_is_open_the_wording_of_a_criterion_can_still_be_corrected_without_touching_its_weight()
    {
        await using var site = await SiteAsync();
        using var organizer = await site.OrganizerAsync();
        var round = await site.FirstRoundAsync();
        var first = round.Criteria[0];
        var url = RoundUrl(round.Id);

        // The locked form sends the stored weight, maximum and whole-number setting back unchanged.
        var page = await organizer.GetAsync(url);
        Assert.Contains($"id=\"c-weight-{Id(first.Id)}\" name=\"criterion.Weight\" type=\"number\" step=\"any\" value=\"{first.Weight}\" readonly=\"readonly\"", page.Html);
        var saved = await organizer.PostFormAsync(url, Criterion(first, name: first.Name + "（含可复现性）"), url + "?handler=SaveCriterion");

        Assert.Equal(HttpStatusCode.Redirect, saved.Status);
        var after = (await RubricAsync(site, round.Id)).Single(c => c.Id == first.Id);
        Assert.Equal((first.Name + "（含可复现性）", first.Weight, first.MaxScore), (after.Name, after.Weight, after.MaxScore));
        Assert.Equal(1, await site.AuditCountAsync("contest.rubric-saved"));
    }

    [Fact]
    public async Task Once_a_judge_has_scored_moving_review_later_does_not_unlock_the_weights()
    {
        await using var site = await SiteAsync();
        using var organizer = await site.OrganizerAsync();
        var judgeId = await site.JudgeAsync("judge@test.local");
        var entry = await site.EntryAsync("已评作品");
        await site.AssignDirectAsync(judgeId, entry);
        using (var judge = await site.SignedInAsync("judge@test.local"))
            await judge.ScoreAsync(site, entry, "Save", "8", "7");
        var round = await site.FirstRoundAsync();
        await site.WithDbAsync(db => db.Rounds.Where(r => r.Id == round.Id).ExecuteUpdateAsync(s => s
            .SetProperty(r => r.ReviewOpensAt, site.Clock.GetUtcNow().AddDays(10)).SetProperty(r => r.ReviewClosesAt, site.Clock.GetUtcNow().AddDays(20))));
        var before = Snapshot(await RubricAsync(site, round.Id));
        var url = RoundUrl(round.Id);

        await organizer.PostFormAsync(url, Criterion(round.Criteria[1], weight: 1), url + "?handler=SaveCriterion");

        Assert.Equal(before, Snapshot(await RubricAsync(site, round.Id)));
        Assert.Contains("本轮已有评委评分，评分项、权重和满分不能再修改", (await organizer.GetAsync(url)).Text);
        var review = Assert.Single(await site.ReviewsAsync(entry));
        Assert.Equal([8m, 7m], review.Scores.OrderBy(s => s.CriterionId).Select(s => s.Value));
    }

    [Fact]
    public async Task After_results_are_published_even_the_wording_of_a_criterion_stays_as_published()
    {
        await using var site = await SiteAsync();
        using var organizer = await site.OrganizerAsync();
        var round = await site.FirstRoundAsync();
        await site.PublishedRoundAsync(organizer, round.Id);
        var url = RoundUrl(round.Id);

        await organizer.PostFormAsync(url, Criterion(round.Criteria[0], name: "改过的名称"), url + "?handler=SaveCriterion");

        Assert.Equal(round.Criteria[0].Name, (await RubricAsync(site, round.Id)).Single(c => c.Id == round.Criteria[0].Id).Name);
        Assert.Contains("本轮结果已发布，评分标准不能再修改", (await organizer.GetAsync(url)).Text);
        Assert.Equal(0, await site.AuditCountAsync("contest.rubric-saved"));
    }

    [Fact]
    public void Before_review_opens_with_no_score_and_no_results_the_rubric_may_change()
    {
        var round = new Round { Name = "初赛", ReviewOpensAt = new DateTimeOffset(2020, 11, 1, 0, 0, 0, TimeSpan.FromHours(8)) };

        Assert.True(RubricLock.CanChangeScoring(round, anyScores: false, resultsPublished: false, round.ReviewOpensAt.AddTicks(-1)).Allowed);
        Assert.False(RubricLock.CanChangeScoring(round, anyScores: false, resultsPublished: false, round.ReviewOpensAt).Allowed);
        Assert.False(RubricLock.CanChangeScoring(round, anyScores: true, resultsPublished: false, round.ReviewOpensAt.AddDays(-1)).Allowed);
        Assert.True(RubricLock.CanChangeWording(resultsPublished: false).Allowed);
        Assert.False(RubricLock.CanChangeWording(resultsPublished: true).Allowed);
    }

    [Fact]
    public async Task Running_the_recipe_again_on_a_round_under_review_cannot_reweight_its_rubric_and_nothing_of_the_run_is_kept()
    {
        await using var site = await SiteAsync();
        var round = await site.FirstRoundAsync();
        var before = Snapshot(await RubricAsync(site, round.Id));
        var recipe = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "recipes", "default.recipe.json"));
        var reweighted = recipe.Replace("{ \"name\": \"创新性\", \"weight\": 30", "{ \"name\": \"创新性\", \"weight\": 60", StringComparison.Ordinal);
        Assert.NotEqual(recipe, reweighted);

        ContestSite.Web.Setup.RecipeResult result;
        using (var scope = site.Services.CreateScope())
        using (var document = System.Text.Json.JsonDocument.Parse(reweighted))
            result = await scope.ServiceProvider.GetRequiredService<ContestSite.Web.Setup.RecipeExecutor>()
                .RunAsync(document.RootElement, Path.Combine(AppContext.BaseDirectory, "recipes"));

        Assert.False(result.Succeeded);
        Assert.Contains("轮次“初赛”的评分项“创新性”：" + ReviewOpened, result.Error);
        Assert.Equal(before, Snapshot(await RubricAsync(site, round.Id)));

        // The recipe as it was changes nothing in the rubric, so it still runs.
        using (var scope = site.Services.CreateScope())
        using (var document = System.Text.Json.JsonDocument.Parse(recipe))
            Assert.True((await scope.ServiceProvider.GetRequiredService<ContestSite.Web.Setup.RecipeExecutor>()
                .RunAsync(document.RootElement, Path.Combine(AppContext.BaseDirectory, "recipes"))).Succeeded);
    }
}
