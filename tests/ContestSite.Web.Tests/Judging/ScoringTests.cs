using System.Net;
using ContestSite.Core.Judging;
using ContestSite.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static ContestSite.Web.Tests.Judging.JudgingTestKit;

namespace ContestSite.Web.Tests.Judging;

/// <summary>
/// The rows about refused scores each use a judge and an entry of their own on one site per provider; the tests that
/// count audit entries, move the clock or race have their own site.
/// </summary>
public sealed class ScoringTests(ScoringTests.DuringReviewSites shared) : IClassFixture<ScoringTests.DuringReviewSites>
{
    public sealed class DuringReviewSites : SharedSites
    {
        protected override Task<SiteFactory> StartAsync(TestProvider provider) => SiteAsync(provider);
    }

    /// <summary>A judge of their own assigned to an entry of their own; returns the judge's address and the entry.</summary>
    private static async Task<(string Judge, int Entry)> AssignedEntryAsync(SiteFactory site)
    {
        var unique = Guid.NewGuid().ToString("N")[..8];
        var judgeId = await site.JudgeAsync($"judge-{unique}@test.local");
        var entry = await site.EntryAsync("智慧公交", teamName: "智慧公交队" + unique);
        await site.AssignDirectAsync(judgeId, entry);
        return ($"judge-{unique}@test.local", entry);
    }

    [Theory]
    [InlineData(TestProvider.Sqlite)]
    [InlineData(TestProvider.Postgres)]
    public async Task A_judge_saves_a_draft_submits_and_revises_until_the_window_closes(TestProvider provider)
    {
        await using var site = await SiteAsync(provider);
        var judgeId = await site.JudgeAsync("judge@test.local");
        var entry = await site.EntryAsync("智慧公交");
        await site.AssignDirectAsync(judgeId, entry);
        using var judge = await site.SignedInAsync("judge@test.local");

        var page = await judge.GetAsync($"/judging/entries/{entry}");
        Assert.Contains("智慧公交", page.Text);
        Assert.Contains("思路是否新颖", page.Text);

        await judge.ScoreAsync(site, entry, "Save", "8", "7");
        var draft = Assert.Single(await site.ReviewsAsync(entry));
        Assert.Equal(ReviewStatus.Draft, draft.Status);
        Assert.Null(draft.Total);

        var submitted = await judge.ScoreAsync(site, entry, "Submit", "8", "7", "6", "9", "10");
        Assert.Equal(HttpStatusCode.Redirect, submitted.Status);
        var review = Assert.Single(await site.ReviewsAsync(entry));
        Assert.Equal(ReviewStatus.Submitted, review.Status);
        Assert.Equal(77m, review.Total);
        Assert.Equal(5, review.Scores.Count);

        await judge.ScoreAsync(site, entry, "Submit", "10", "10", "10", "10", "10");
        Assert.Equal(100m, Assert.Single(await site.ReviewsAsync(entry)).Total);
        Assert.Equal(1, await site.AuditCountAsync("judging.review-submitted"));
        Assert.Equal(1, await site.AuditCountAsync("judging.review-revised"));
        // The record keeps every value a score had and got: a revision can be traced to the number.
        var criteria = review.Scores.OrderBy(s => s.CriterionId).Select(s => s.CriterionId).ToList();
        var revised = await site.WithDbAsync(db => db.AuditEntries.Where(e => e.Action == "judging.review-revised").Select(e => e.Detail).SingleAsync());
        Assert.Equal($"judge={judgeId}; before: {{{string.Join(",", criteria.Zip(new[] { 8, 7, 6, 9, 10 }, (c, v) => $"{c}={v}"))}; total=77.00; Submitted}}; " +
            $"after: {{{string.Join(",", criteria.Select(c => $"{c}=10"))}; total=100.00; Submitted}}", revised);
        Assert.Equal(1, await site.AuditCountAsync("judging.review-draft-saved"));
    }

    [Theory]
    [InlineData("-1", "“创新性”的分数不能小于 0", TestProvider.Sqlite)]
    [InlineData("11", "“创新性”的分数不能超过满分 10", TestProvider.Sqlite)]
    [InlineData("NaN", "“创新性”的分数须是数字", TestProvider.Sqlite)]
    [InlineData("1e309", "“创新性”的分数须是数字", TestProvider.Sqlite)]
    [InlineData("8.5", "“创新性”只能打整数分", TestProvider.Sqlite)]
    [InlineData("", "请为“创新性”打分", TestProvider.Sqlite)]
    [InlineData("-1", "“创新性”的分数不能小于 0", TestProvider.Postgres)]
    [InlineData("NaN", "“创新性”的分数须是数字", TestProvider.Postgres)]
    [InlineData("1e309", "“创新性”的分数须是数字", TestProvider.Postgres)]
    [InlineData("8.5", "“创新性”只能打整数分", TestProvider.Postgres)]
    public async Task A_bad_score_is_refused_with_a_message_and_nothing_is_saved(string innovation, string message, TestProvider provider)
    {
        var site = await shared.ForAsync(provider);
        var (email, entry) = await AssignedEntryAsync(site);
        using var judge = await site.SignedInAsync(email);

        var refused = await judge.ScoreAsync(site, entry, "Submit", innovation, "7", "6", "9", "10");

        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains(message, refused.Text);
        Assert.Contains("评分未保存", refused.Text);
        Assert.Empty(await site.ReviewsAsync(entry));
    }

    [Theory]
    [InlineData(TestProvider.Sqlite)]
    [InlineData(TestProvider.Postgres)]
    public async Task A_missing_criterion_and_a_score_above_the_maximum_change_a_submitted_review_in_no_way(TestProvider provider)
    {
        var site = await shared.ForAsync(provider);
        var (email, entry) = await AssignedEntryAsync(site);
        using var judge = await site.SignedInAsync(email);
        await judge.ScoreAsync(site, entry, "Submit", "8", "7", "6", "9", "10");

        var missing = await judge.ScoreAsync(site, entry, "Submit", "8", "7", "6", "9");
        var above = await judge.ScoreAsync(site, entry, "Submit", "8", "7", "6", "9", "100");

        Assert.Contains("请为“完整度”打分", missing.Text);
        Assert.Contains("“完整度”的分数不能超过满分 10", above.Text);
        var review = Assert.Single(await site.ReviewsAsync(entry));
        Assert.Equal(77m, review.Total);
        Assert.Equal([8m, 7m, 6m, 9m, 10m], review.Scores.OrderBy(s => s.CriterionId).Select(s => s.Value));
    }

    [Theory]
    [InlineData(TestProvider.Sqlite)]
    [InlineData(TestProvider.Postgres)]
    public async Task A_score_after_the_review_window_closed_is_refused_and_the_review_stays_as_it_was(TestProvider provider)
    {
        await using var site = await SiteAsync(provider);
        var judgeId = await site.JudgeAsync("judge@test.local");
        var entry = await site.EntryAsync("智慧公交");
        await site.AssignDirectAsync(judgeId, entry);
        using var judge = await site.SignedInAsync("judge@test.local");
        await judge.ScoreAsync(site, entry, "Submit", "8", "7", "6", "9", "10");
        var form = await site.ScoreFieldsAsync("1", "1", "1", "1", "1");
        var page = await judge.GetAsync($"/judging/entries/{entry}");
        site.Clock.SetUtcNow(AfterReview);

        var late = await judge.PostAsync($"/judging/entries/{entry}?handler=Submit",
            new Dictionary<string, string>(form) { ["__RequestVerificationToken"] = page.AntiforgeryToken! });

        Assert.Contains("评审已于 2020-11-10 18:00 截止，评分已冻结，不能再修改", late.Text);
        Assert.Equal(77m, Assert.Single(await site.ReviewsAsync(entry)).Total);
        Assert.Equal(0, await site.AuditCountAsync("judging.review-revised"));
    }

    [Theory]
    [InlineData(TestProvider.Sqlite)]
    [InlineData(TestProvider.Postgres)]
    public async Task Two_identical_score_submissions_at_the_same_moment_make_exactly_one_review(TestProvider provider)
    {
        await using var site = await SiteAsync(provider);
        var judgeId = await site.JudgeAsync("judge@test.local");
        var entry = await site.EntryAsync("智慧公交");
        await site.AssignDirectAsync(judgeId, entry);
        using var judge = await site.SignedInAsync("judge@test.local");
        var page = await judge.GetAsync($"/judging/entries/{entry}");
        var fields = new Dictionary<string, string>(await site.ScoreFieldsAsync("8", "7", "6", "9", "10")) { ["__RequestVerificationToken"] = page.AntiforgeryToken! };

        var sends = Enumerable.Range(0, 4).Select(_ => judge.PostAsync($"/judging/entries/{entry}?handler=Submit", fields)).ToList();
        var answers = await Task.WhenAll(sends);

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.Redirect, a.Status));
        var review = Assert.Single(await site.ReviewsAsync(entry));
        Assert.Equal(77m, review.Total);
        Assert.Equal(5, review.Scores.Count);
        Assert.Equal(1, await site.AuditCountAsync("judging.review-submitted"));
    }
}
