using System.Net;
using ContestSite.Core.Judging;
using ContestSite.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static ContestSite.Web.Tests.Judging.JudgingTestKit;

namespace ContestSite.Web.Tests.Judging;

/// <summary>
/// Scores freeze when review closes: no way of changing or removing a score works afterwards (saving, submitting,
/// revising, a stale form, declaring a conflict, removing the judge, withdrawing them), except on an entry an
/// organizer reopened, until its moment.
/// </summary>
public sealed class ScoreFreezeTests
{
    private const string Frozen = "评审已于 2020-11-10 18:00 截止，评分已冻结，不能再修改";

    private static async Task<Dictionary<string, string>> FormAsync(SiteFactory site, string token, params string[] values) =>
        new(await site.ScoreFieldsAsync(values)) { ["__RequestVerificationToken"] = token };

    [Fact]
    public async Task After_review_closes_a_judge_can_neither_save_submit_nor_revise_a_score_and_the_pages_say_scores_are_frozen()
    {
        await using var site = await SiteAsync();
        var judgeId = await site.JudgeAsync("judge@test.local");
        var scored = await site.EntryAsync("已评作品");
        var unscored = await site.EntryAsync("未评作品");
        await site.AssignDirectAsync(judgeId, scored);
        await site.AssignDirectAsync(judgeId, unscored);
        using var judge = await site.SignedInAsync("judge@test.local");
        await judge.ScoreAsync(site, scored, "Submit", "8", "7", "6", "9", "10");
        var token = (await judge.GetAsync("/judging")).AntiforgeryToken!;
        site.Clock.SetUtcNow(AfterReview);

        var revised = await judge.PostAsync($"/judging/entries/{scored}?handler=Submit", await FormAsync(site, token, "1", "1", "1", "1", "1"));
        var drafted = await judge.PostAsync($"/judging/entries/{unscored}?handler=Save", await FormAsync(site, token, "5", "5"));
        var submitted = await judge.PostAsync($"/judging/entries/{unscored}?handler=Submit", await FormAsync(site, token, "5", "5", "5", "5", "5"));

        foreach (var refused in new[] { revised, drafted, submitted })
        {
            Assert.Equal(HttpStatusCode.OK, refused.Status);
            Assert.Contains(Frozen, refused.Text);
        }
        var review = Assert.Single(await site.ReviewsAsync(scored));
        Assert.Equal(77m, review.Total);
        Assert.Equal([8m, 7m, 6m, 9m, 10m], review.Scores.OrderBy(s => s.CriterionId).Select(s => s.Value));
        Assert.Empty(await site.ReviewsAsync(unscored));
        Assert.Equal(0, await site.AuditCountAsync("judging.review-revised"));
        Assert.Equal(0, await site.AuditCountAsync("judging.review-draft-saved"));
        Assert.Equal(1, await site.AuditCountAsync("judging.review-submitted"));

        var page = await judge.GetAsync($"/judging/entries/{scored}");
        Assert.Contains(Frozen, page.Text);
        Assert.Contains("评分表仅供查看", page.Text);
        Assert.Contains("<fieldset disabled=\"disabled\"", page.Html);
        Assert.DoesNotContain("修改并重新提交", page.Text);
        Assert.Contains("评审已截止，评分已冻结，不能再修改。", (await judge.GetAsync("/judging")).Text);
    }

    [Fact]
    public async Task A_form_opened_before_review_closed_and_sent_from_a_second_tab_after_is_refused_and_changes_nothing()
    {
        await using var site = await SiteAsync();
        var judgeId = await site.JudgeAsync("judge@test.local");
        var entry = await site.EntryAsync("智慧公交");
        await site.AssignDirectAsync(judgeId, entry);
        using var judge = await site.SignedInAsync("judge@test.local");
        await judge.ScoreAsync(site, entry, "Submit", "8", "7", "6", "9", "10");
        var staleTab = await judge.GetAsync($"/judging/entries/{entry}");
        Assert.Contains("修改并重新提交", staleTab.Text);
        site.Clock.SetUtcNow(AfterReview.AddMinutes(5));

        var freshTab = await judge.GetAsync($"/judging/entries/{entry}");
        var sent = await judge.PostAsync($"/judging/entries/{entry}?handler=Submit", await FormAsync(site, staleTab.AntiforgeryToken!, "10", "10", "10", "10", "10"));

        Assert.DoesNotContain("修改并重新提交", freshTab.Text);
        Assert.Contains(Frozen, sent.Text);
        var review = Assert.Single(await site.ReviewsAsync(entry));
        Assert.Equal(77m, review.Total);
        Assert.Equal(ReviewStatus.Submitted, review.Status);
        Assert.Equal(0, await site.AuditCountAsync("judging.review-revised"));
    }

    [Fact]
    public async Task A_judge_declaring_a_conflict_after_review_closed_is_refused_and_keeps_the_assignment_and_the_score()
    {
        await using var site = await SiteAsync();
        var judgeId = await site.JudgeAsync("judge@test.local");
        var entry = await site.EntryAsync("智慧公交");
        await site.AssignDirectAsync(judgeId, entry);
        using var judge = await site.SignedInAsync("judge@test.local");
        await judge.ScoreAsync(site, entry, "Submit", "8", "7", "6", "9", "10");
        site.Clock.SetUtcNow(AfterReview);

        var refused = await judge.PostFormAsync("/judging", new Dictionary<string, string> { ["submissionId"] = Id(entry), ["reason"] = "指导过该团队" }, "/judging?handler=Conflict");

        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains("评审已于 2020-11-10 18:00 截止，评审截止后利益冲突只能由组委会登记，请联系组委会", refused.Text);
        Assert.Equal(0, await site.WithDbAsync(db => db.ConflictDeclarations.CountAsync()));
        Assert.Equal(1, await site.AssignmentCountAsync());
        Assert.Equal(77m, Assert.Single(await site.ReviewsAsync(entry)).Total);
        Assert.Equal(0, await site.AuditCountAsync("judging.conflict-declared") + await site.AuditCountAsync("judging.conflict-requested"));
    }

    [Fact]
    public async Task A_reopened_entry_can_be_scored_until_its_moment_and_not_after_while_the_other_entries_stay_frozen()
    {
        await using var site = await SiteAsync();
        var judgeId = await site.JudgeAsync("judge@test.local");
        var reopened = await site.EntryAsync("重新评审的作品");
        var other = await site.EntryAsync("其他作品");
        await site.AssignDirectAsync(judgeId, reopened);
        await site.AssignDirectAsync(judgeId, other);
        using var judge = await site.SignedInAsync("judge@test.local");
        await judge.ScoreAsync(site, reopened, "Submit", "8", "7", "6", "9", "10");
        await judge.ScoreAsync(site, other, "Submit", "8", "7", "6", "9", "10");
        site.Clock.SetUtcNow(AfterReview.AddHours(1));
        using var organizer = await site.OrganizerAsync();
        var roundUrl = $"/admin/judging/rounds/{(await site.FirstRoundAsync()).Id}";

        var opened = await organizer.PostFormAsync(roundUrl,
            new Dictionary<string, string> { ["submissionId"] = Id(reopened), ["until"] = "2020-11-12T12:00", ["reason"] = "评委漏看了演示视频" }, roundUrl + "?handler=Reopen");
        Assert.Equal(HttpStatusCode.Redirect, opened.Status);
        Assert.Contains("组委会已重新开放这件作品的评审，您可以修改评分至 2020-11-12 12:00", (await judge.GetAsync($"/judging/entries/{reopened}")).Text);
        Assert.Contains("已重新开放至 2020-11-12 12:00", (await judge.GetAsync("/judging")).Text);

        var revised = await judge.ScoreAsync(site, reopened, "Submit", "10", "10", "10", "10", "10");
        var frozen = await judge.ScoreAsync(site, other, "Submit", "10", "10", "10", "10", "10");

        Assert.Equal(HttpStatusCode.Redirect, revised.Status);
        Assert.Equal(100m, Assert.Single(await site.ReviewsAsync(reopened)).Total);
        Assert.Contains(Frozen, frozen.Text);
        Assert.Equal(77m, Assert.Single(await site.ReviewsAsync(other)).Total);

        site.Clock.SetUtcNow(new DateTimeOffset(2020, 11, 12, 12, 0, 0, TimeSpan.FromHours(8)));
        var late = await judge.ScoreAsync(site, reopened, "Submit", "1", "1", "1", "1", "1");

        Assert.Contains(Frozen, late.Text);
        Assert.Equal(100m, Assert.Single(await site.ReviewsAsync(reopened)).Total);
        Assert.Equal(1, await site.AuditCountAsync("judging.review-revised"));
        var reopening = await site.WithDbAsync(db => db.ReviewReopenings.SingleAsync());
        Assert.Equal((reopened, "评委漏看了演示视频"), (reopening.SubmissionId, reopening.Reason));
        Assert.Equal(1, await site.AuditCountAsync("judging.entry-reopened"));
    }

    [Fact]
    public async Task Reopening_without_a_reason_until_a_past_moment_or_once_results_are_final_is_refused_and_reopens_nothing()
    {
        await using var site = await SiteAsync();
        var entry = await site.EntryAsync("智慧公交");
        site.Clock.SetUtcNow(AfterReview.AddHours(1));
        using var organizer = await site.OrganizerAsync();
        var roundId = (await site.FirstRoundAsync()).Id;
        var roundUrl = $"/admin/judging/rounds/{roundId}";
        Task<SiteClient.Page> ReopenAsync(string until, string reason) => organizer.PostFormAsync(roundUrl,
            new Dictionary<string, string> { ["submissionId"] = Id(entry), ["until"] = until, ["reason"] = reason }, roundUrl + "?handler=Reopen");

        var noReason = await ReopenAsync("2020-11-12T12:00", "  ");
        var past = await ReopenAsync("2020-11-10T12:00", "补评");
        await PublishAsync(site, roundId, ResultsStatus.Final);
        var final = await ReopenAsync("2020-11-12T12:00", "补评");

        Assert.Contains("请填写重新开放评审的理由", noReason.Text);
        Assert.Contains("重新开放的截止时间 2020-11-10 12:00 已经过去，请选择将来的时间", past.Text);
        Assert.Contains("结果已确定，不能再更改", final.Text);
        Assert.Equal(0, await site.WithDbAsync(db => db.ReviewReopenings.CountAsync()));
        Assert.Equal(0, await site.AuditCountAsync("judging.entry-reopened"));
    }

    [Fact]
    public async Task After_review_closes_removing_a_judge_with_a_draft_is_refused_and_withdrawing_a_judge_keeps_every_assignment_and_review()
    {
        await using var site = await SiteAsync();
        var judgeId = await site.JudgeAsync("judge@test.local");
        await site.JudgeAsync("spare@test.local");
        var drafted = await site.EntryAsync("草稿作品");
        var submitted = await site.EntryAsync("已提交作品");
        var unscored = await site.EntryAsync("未评作品");
        foreach (var entry in new[] { drafted, submitted, unscored }) await site.AssignDirectAsync(judgeId, entry);
        await site.WithDbAsync(db => db.Rounds.Where(r => r.Sequence == 1).ExecuteUpdateAsync(s => s.SetProperty(r => r.JudgesPerEntry, 1)));
        using (var judge = await site.SignedInAsync("judge@test.local"))
        {
            await judge.ScoreAsync(site, drafted, "Save", "8", "7");
            await judge.ScoreAsync(site, submitted, "Submit", "8", "7", "6", "9", "10");
        }
        site.Clock.SetUtcNow(AfterReview.AddHours(1));
        using var organizer = await site.OrganizerAsync();
        var roundUrl = $"/admin/judging/rounds/{(await site.FirstRoundAsync()).Id}";
        var draftAssignment = await site.WithDbAsync(db => db.Assignments.Where(a => a.SubmissionId == drafted).Select(a => a.Id).SingleAsync());
        var before = await site.WithDbAsync(db => db.Assignments.AsNoTracking().Include(a => a.Review).ThenInclude(r => r!.Scores).OrderBy(a => a.Id).ToListAsync());

        var removed = await organizer.PostFormAsync(roundUrl, new Dictionary<string, string> { ["assignmentId"] = Id(draftAssignment) }, roundUrl + "?handler=Remove");
        var withdrawn = await organizer.PostFormAsync("/admin/judging", new Dictionary<string, string> { ["judgeId"] = judgeId }, "/admin/judging?handler=Withdraw");

        Assert.Contains("评分已冻结，该评委在这件作品上的评分记录不能删除，因此不能移除", removed.Text);
        Assert.Equal(HttpStatusCode.Redirect, withdrawn.Status);
        var after = await site.WithDbAsync(db => db.Assignments.AsNoTracking().Include(a => a.Review).ThenInclude(r => r!.Scores).OrderBy(a => a.Id).ToListAsync());
        Assert.Equal(before.Select(a => (a.Id, a.JudgeUserId, a.SubmissionId)), after.Select(a => (a.Id, a.JudgeUserId, a.SubmissionId)));
        Assert.Equal(before.Select(a => (a.Review?.Status, a.Review?.Total, a.Review?.Scores.Count)), after.Select(a => (a.Review?.Status, a.Review?.Total, a.Review?.Scores.Count)));
        Assert.Equal(0, await site.AuditCountAsync("judging.assignment-removed"));
        var record = await site.WithDbAsync(db => db.AuditEntries.Where(e => e.Action == "judging.judge-withdrawn").Select(e => e.Detail).SingleAsync());
        Assert.StartsWith("released=0 ", record);
    }

    /// <summary>Results published as the lead's publishing would store them, straight in the database.</summary>
    internal static async Task PublishAsync(SiteFactory site, int roundId, ResultsStatus status)
    {
        var organizerId = await site.OrganizerIdAsync();
        await site.WithDbAsync(async db =>
        {
            var now = site.Clock.GetUtcNow();
            db.ResultsPublications.Add(new ResultsPublication
            {
                RoundId = roundId, Version = 1, Status = status, PublishedAt = now, PublishedByUserId = organizerId, ObjectionsCloseAt = now.AddDays(7),
                FinalisedAt = status == ResultsStatus.Final ? now : null, SnapshotJson = new ResultsSnapshot("初赛", []).ToJson(),
            });
            return await db.SaveChangesAsync();
        });
    }
}
