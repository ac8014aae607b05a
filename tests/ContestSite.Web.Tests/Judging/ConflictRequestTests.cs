using System.Net;
using ContestSite.Core.Judging;
using ContestSite.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static ContestSite.Web.Tests.Judging.JudgingTestKit;

namespace ContestSite.Web.Tests.Judging;

/// <summary>
/// A conflict declared on an entry the judge already scored never deletes the score: it is a request an organizer
/// upholds (the score is excluded, kept and marked) or dismisses (it counts), once. After review closes only
/// organizers raise conflicts, and not once results are final.
/// </summary>
public sealed class ConflictRequestTests
{
    private const string Reason = "评委曾指导该团队";

    /// <summary>Entries A and B scored by judges X and Y so that A ranks first only with X's score: X 100 / 10, Y 30 / 60.</summary>
    private static async Task<(string X, string Y, int A, int B)> TwoJudgesTwoEntriesAsync(SiteFactory site)
    {
        var x = await site.JudgeAsync("x@test.local");
        var y = await site.JudgeAsync("y@test.local");
        var a = await site.EntryAsync("甲作品");
        var b = await site.EntryAsync("乙作品");
        foreach (var judge in new[] { x, y }) foreach (var entry in new[] { a, b }) await site.AssignDirectAsync(judge, entry);
        var roundId = (await site.FirstRoundAsync()).Id;
        await site.WithDbAsync(db => { db.RoundJudgingSettings.Add(new RoundJudgingSettings { RoundId = roundId, Ranking = RankingMethod.Raw }); return db.SaveChangesAsync(); });
        using (var judge = await site.SignedInAsync("x@test.local"))
        {
            await judge.ScoreAsync(site, a, "Submit", "10", "10", "10", "10", "10");
            await judge.ScoreAsync(site, b, "Submit", "1", "1", "1", "1", "1");
        }
        using (var judge = await site.SignedInAsync("y@test.local"))
        {
            await judge.ScoreAsync(site, a, "Submit", "3", "3", "3", "3", "3");
            await judge.ScoreAsync(site, b, "Submit", "6", "6", "6", "6", "6");
        }
        return (x, y, a, b);
    }

    private static Task<SiteClient.Page> DeclareAsync(SiteClient judge, int entry) =>
        judge.PostFormAsync("/judging", new Dictionary<string, string> { ["submissionId"] = Id(entry), ["reason"] = "我指导过这个团队" }, "/judging?handler=Conflict");

    private static Task<SiteClient.Page> DecideAsync(SiteClient organizer, int conflictId, bool uphold, string reason = Reason) =>
        organizer.PostFormAsync("/admin/judging",
            new Dictionary<string, string> { ["conflictId"] = Id(conflictId), ["uphold"] = uphold ? "true" : "false", ["decision"] = reason }, "/admin/judging?handler=Decide");

    private static string RankingLine(SiteClient.Page csv, string title) => Assert.Single(csv.Html.Split("\r\n"), l => l.Contains($",{title},"));

    private static Task<ConflictDeclaration> ConflictAsync(SiteFactory site) => site.WithDbAsync(db => db.ConflictDeclarations.AsNoTracking().SingleAsync());

    private static Task<Review> ReviewOfAsync(SiteFactory site, string judgeId, int entry) =>
        site.WithDbAsync(db => db.Reviews.AsNoTracking().Include(r => r.Scores)
            .SingleAsync(r => db.Assignments.Any(a => a.Id == r.AssignmentId && a.JudgeUserId == judgeId && a.SubmissionId == entry)));

    [Fact]
    public async Task A_conflict_declared_on_a_scored_entry_becomes_a_request_that_keeps_the_score_counted_and_locked()
    {
        await using var site = await SiteAsync();
        var (x, _, a, _) = await TwoJudgesTwoEntriesAsync(site);
        using var judge = await site.SignedInAsync("x@test.local");

        var declared = await DeclareAsync(judge, a);

        Assert.Equal(HttpStatusCode.Redirect, declared.Status);
        var conflict = await ConflictAsync(site);
        Assert.Equal((ConflictStatus.Requested, x, x), (conflict.Status, conflict.JudgeUserId, conflict.RaisedByUserId));
        var review = await ReviewOfAsync(site, x, a);
        Assert.Equal((100m, 5, (DateTimeOffset?)null), (review.Total, review.Scores.Count, review.ExcludedAt));
        Assert.Equal(4, await site.AssignmentCountAsync());
        Assert.Equal(1, await site.AuditCountAsync("judging.conflict-requested"));
        Assert.Equal(0, await site.AuditCountAsync("judging.conflict-declared"));

        var revised = await judge.ScoreAsync(site, a, "Submit", "1", "1", "1", "1", "1");
        var page = await judge.GetAsync($"/judging/entries/{a}");

        Assert.Contains("您已声明与这件作品存在利益冲突，评分已锁定，不能再修改", revised.Text);
        Assert.Equal(100m, (await ReviewOfAsync(site, x, a)).Total);
        Assert.Equal(0, await site.AuditCountAsync("judging.review-revised"));
        Assert.Contains("正在等待组委会决定", page.Text);
        Assert.DoesNotContain("甲作品", page.Text);

        using var organizer = await site.OrganizerAsync();
        var todo = await organizer.GetAsync("/admin/judging");
        Assert.Contains("待处理的利益冲突申请", todo.Text);
        Assert.Contains("x@test.local", todo.Text);
        Assert.Contains("我指导过这个团队", todo.Text);
        Assert.Contains("100.00", todo.Text);
        var ranking = await organizer.GetAsync($"/admin/judging/rounds/{(await site.FirstRoundAsync()).Id}/export/ranking.csv");
        Assert.StartsWith($"数字政府,1,{a},甲作品,", RankingLine(ranking, "甲作品"));
    }

    [Fact]
    public async Task An_upheld_request_excludes_the_score_from_the_ranking_and_keeps_it_marked_in_the_export_and_on_the_results_page()
    {
        await using var site = await SiteAsync();
        var (x, _, a, b) = await TwoJudgesTwoEntriesAsync(site);
        using (var judge = await site.SignedInAsync("x@test.local")) await DeclareAsync(judge, a);
        using var organizer = await site.OrganizerAsync();
        var organizerId = await site.OrganizerIdAsync();
        var roundId = (await site.FirstRoundAsync()).Id;

        var upheld = await DecideAsync(organizer, (await ConflictAsync(site)).Id, uphold: true);

        Assert.Equal(HttpStatusCode.Redirect, upheld.Status);
        var conflict = await ConflictAsync(site);
        Assert.Equal((ConflictStatus.Upheld, organizerId, Reason), (conflict.Status, conflict.DecidedByUserId, conflict.Decision));
        var review = await ReviewOfAsync(site, x, a);
        Assert.Equal((100m, 5, organizerId, Reason), (review.Total, review.Scores.Count, review.ExcludedByUserId, review.ExclusionReason));
        Assert.NotNull(review.ExcludedAt);
        var record = await site.WithDbAsync(db => db.AuditEntries.Where(e => e.Action == "judging.conflict-upheld").Select(e => e.Detail).SingleAsync());
        Assert.Contains("before: {", record);
        Assert.Contains("total=100.00; Submitted} excluded", record);

        var ranking = await organizer.GetAsync($"/admin/judging/rounds/{roundId}/export/ranking.csv");
        Assert.StartsWith($"数字政府,1,{b},乙作品,", RankingLine(ranking, "乙作品"));
        Assert.StartsWith($"数字政府,2,{a},甲作品,", RankingLine(ranking, "甲作品"));
        var scores = await organizer.GetAsync($"/admin/judging/rounds/{roundId}/export/scores.csv");
        Assert.Contains("加权总分,已排除", scores.Html);
        var line = Assert.Single(scores.Html.Split("\r\n"), l => l.Contains("x@test.local") && l.StartsWith($"{a},", StringComparison.Ordinal));
        Assert.EndsWith($",100.00,已排除：{Reason}", line);
        Assert.Equal(4, scores.Html.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length - 1);
        var results = await organizer.GetAsync($"/admin/judging/rounds/{roundId}/results");
        Assert.Contains("已排除", results.Text);
        Assert.Contains($"不计入结果；理由：{Reason}", results.Text);
        Assert.Equal(1, await site.WithDbAsync(db => db.Outbox.CountAsync(m => m.ToAddress == "x@test.local" && m.Subject.Contains("利益冲突申请已获支持"))));
    }

    [Fact]
    public async Task An_upheld_request_during_review_gives_the_entry_another_judge()
    {
        await using var site = await SiteAsync();
        var judgeId = await site.JudgeAsync("judge@test.local");
        var spareId = await site.JudgeAsync("spare@test.local");
        var entry = await site.EntryAsync("智慧公交");
        await site.AssignDirectAsync(judgeId, entry);
        await site.WithDbAsync(db => db.Rounds.Where(r => r.Sequence == 1).ExecuteUpdateAsync(s => s.SetProperty(r => r.JudgesPerEntry, 1)));
        using (var judge = await site.SignedInAsync("judge@test.local"))
        {
            await judge.ScoreAsync(site, entry, "Submit", "8", "7", "6", "9", "10");
            await DeclareAsync(judge, entry);
        }
        Assert.Equal([judgeId], await site.WithDbAsync(db => db.Assignments.Select(a => a.JudgeUserId).ToListAsync()));
        using var organizer = await site.OrganizerAsync();

        await DecideAsync(organizer, (await ConflictAsync(site)).Id, uphold: true);

        var holders = await site.WithDbAsync(db => db.Assignments.OrderBy(a => a.Id).Select(a => a.JudgeUserId).ToListAsync());
        Assert.Equal([judgeId, spareId], holders);
        Assert.NotNull((await ReviewOfAsync(site, judgeId, entry)).ExcludedAt);
    }

    [Fact]
    public async Task A_dismissed_request_keeps_the_score_counted_tells_the_judge_and_lets_them_score_again()
    {
        await using var site = await SiteAsync();
        var (x, _, a, _) = await TwoJudgesTwoEntriesAsync(site);
        using var judge = await site.SignedInAsync("x@test.local");
        await DeclareAsync(judge, a);
        using var organizer = await site.OrganizerAsync();

        var dismissed = await DecideAsync(organizer, (await ConflictAsync(site)).Id, uphold: false, reason: "指导关系已结束三年");

        Assert.Equal(HttpStatusCode.Redirect, dismissed.Status);
        Assert.Equal(ConflictStatus.Dismissed, (await ConflictAsync(site)).Status);
        Assert.Null((await ReviewOfAsync(site, x, a)).ExcludedAt);
        var scores = await organizer.GetAsync($"/admin/judging/rounds/{(await site.FirstRoundAsync()).Id}/export/scores.csv");
        Assert.DoesNotContain("已排除：", scores.Html);
        Assert.Equal(1, await site.WithDbAsync(db => db.Outbox.CountAsync(m => m.ToAddress == "x@test.local" && m.Subject.Contains("利益冲突申请未获支持"))));
        var home = await judge.GetAsync("/judging");
        Assert.Contains("组委会未支持：评分仍计入", home.Text);
        Assert.Contains("组委会的理由：指导关系已结束三年", home.Text);

        var revised = await judge.ScoreAsync(site, a, "Submit", "9", "9", "9", "9", "9");

        Assert.Equal(HttpStatusCode.Redirect, revised.Status);
        Assert.Equal(90m, (await ReviewOfAsync(site, x, a)).Total);
        Assert.Equal(1, await site.AuditCountAsync("judging.conflict-dismissed"));
    }

    [Fact]
    public async Task A_decision_without_a_reason_is_refused_and_the_request_stays_open()
    {
        await using var site = await SiteAsync();
        var (x, _, a, _) = await TwoJudgesTwoEntriesAsync(site);
        using (var judge = await site.SignedInAsync("x@test.local")) await DeclareAsync(judge, a);
        using var organizer = await site.OrganizerAsync();

        var refused = await DecideAsync(organizer, (await ConflictAsync(site)).Id, uphold: true, reason: " ");

        Assert.Contains("请填写决定的理由", refused.Text);
        Assert.Equal(ConflictStatus.Requested, (await ConflictAsync(site)).Status);
        Assert.Null((await ReviewOfAsync(site, x, a)).ExcludedAt);
        Assert.Equal(0, await site.AuditCountAsync("judging.conflict-upheld"));
    }

    [Theory]
    [InlineData(TestProvider.Sqlite)]
    [InlineData(TestProvider.Postgres)]
    public async Task Two_organizers_deciding_the_same_request_at_the_same_moment_make_one_decision_and_the_other_is_told(TestProvider provider)
    {
        await using var site = await SiteAsync(provider);
        var judgeId = await site.JudgeAsync("judge@test.local");
        var entry = await site.EntryAsync("智慧公交");
        await site.AssignDirectAsync(judgeId, entry);
        using (var judge = await site.SignedInAsync("judge@test.local"))
        {
            await judge.ScoreAsync(site, entry, "Submit", "8", "7", "6", "9", "10");
            await DeclareAsync(judge, entry);
        }
        await site.CreateUserAsync("second@test.local", SiteBuilders.Password, "Organizer");
        using var first = await site.OrganizerAsync();
        using var second = await site.SignedInAsync("second@test.local");
        var conflictId = (await ConflictAsync(site)).Id;
        Dictionary<string, string> Form(string token, bool uphold) =>
            new() { ["conflictId"] = Id(conflictId), ["uphold"] = uphold ? "true" : "false", ["decision"] = uphold ? "支持" : "驳回", ["__RequestVerificationToken"] = token };
        var firstToken = (await first.GetAsync("/admin/judging")).AntiforgeryToken!;
        var secondToken = (await second.GetAsync("/admin/judging")).AntiforgeryToken!;

        var answers = await Task.WhenAll(
            first.PostAsync("/admin/judging?handler=Decide", Form(firstToken, uphold: true)),
            second.PostAsync("/admin/judging?handler=Decide", Form(secondToken, uphold: false)));

        Assert.Single(answers, a => a.Status == HttpStatusCode.Redirect);
        var loser = Assert.Single(answers, a => a.Status == HttpStatusCode.OK);
        Assert.Contains("这项利益冲突申请已由其他组委会成员处理，您的决定未生效", loser.Text);
        var upheldWon = answers[0].Status == HttpStatusCode.Redirect;
        var conflict = await ConflictAsync(site);
        Assert.Equal(upheldWon ? ConflictStatus.Upheld : ConflictStatus.Dismissed, conflict.Status);
        Assert.Equal(upheldWon ? "支持" : "驳回", conflict.Decision);
        Assert.Equal(upheldWon, (await ReviewOfAsync(site, judgeId, entry)).ExcludedAt is not null);
        Assert.Equal(1, await site.AuditCountAsync("judging.conflict-upheld") + await site.AuditCountAsync("judging.conflict-dismissed"));
        Assert.Equal(1, await site.WithDbAsync(db => db.Outbox.CountAsync(m => m.ToAddress == "judge@test.local" && m.Subject.Contains("利益冲突申请"))));
    }

    [Fact]
    public async Task After_review_closes_an_organizer_raises_a_conflict_that_excludes_the_score_at_once_but_not_once_results_are_final()
    {
        await using var site = await SiteAsync();
        var (x, y, a, _) = await TwoJudgesTwoEntriesAsync(site);
        site.Clock.SetUtcNow(AfterReview.AddDays(1));
        using var organizer = await site.OrganizerAsync();
        var organizerId = await site.OrganizerIdAsync();
        Task<SiteClient.Page> RaiseAsync(string email) => organizer.PostFormAsync("/admin/judging",
            new Dictionary<string, string> { ["judgeEmail"] = email, ["submissionId"] = Id(a), ["reason"] = Reason }, "/admin/judging?handler=Raise");

        var raised = await RaiseAsync("x@test.local");

        Assert.Equal(HttpStatusCode.Redirect, raised.Status);
        var conflict = await ConflictAsync(site);
        Assert.Equal((ConflictStatus.Upheld, x, organizerId, organizerId), (conflict.Status, conflict.JudgeUserId, conflict.RaisedByUserId, conflict.DecidedByUserId));
        var review = await ReviewOfAsync(site, x, a);
        Assert.Equal((100m, Reason), (review.Total, review.ExclusionReason));
        Assert.Equal(4, await site.AssignmentCountAsync());
        Assert.Equal(1, await site.AuditCountAsync("judging.conflict-raised"));

        await ScoreFreezeTests.PublishAsync(site, (await site.FirstRoundAsync()).Id, ResultsStatus.Final);
        var refused = await RaiseAsync("y@test.local");

        Assert.Contains("结果已确定，不能再更改", refused.Text);
        Assert.Equal(1, await site.WithDbAsync(db => db.ConflictDeclarations.CountAsync()));
        Assert.Null((await ReviewOfAsync(site, y, a)).ExcludedAt);
        Assert.Equal(1, await site.AuditCountAsync("judging.conflict-raised"));
    }

    [Fact]
    public async Task A_draft_under_a_pending_request_is_kept_when_the_organizer_removes_the_judge_or_the_judge_withdraws()
    {
        await using var site = await SiteAsync();
        var x = await site.JudgeAsync("x@test.local");
        var a = await site.EntryAsync("甲作品");
        var assignmentId = await site.WithDbAsync(async db =>
        {
            var roundId = await db.Submissions.Where(s => s.Id == a).Select(s => s.RoundId).SingleAsync();
            var assignment = new Assignment { RoundId = roundId, SubmissionId = a, JudgeUserId = x, AssignedAt = site.Clock.GetUtcNow() };
            db.Assignments.Add(assignment);
            await db.SaveChangesAsync();
            return assignment.Id;
        });
        using var judge = await site.SignedInAsync("x@test.local");
        await judge.ScoreAsync(site, a, "Save", "8", "8");
        Assert.Equal(HttpStatusCode.Redirect, (await DeclareAsync(judge, a)).Status);
        Assert.Equal(ConflictStatus.Requested, (await ConflictAsync(site)).Status);
        using var organizer = await site.OrganizerAsync();
        var round = $"/admin/judging/rounds/{(await site.FirstRoundAsync()).Id}";

        var removal = await organizer.PostFormAsync(round, new Dictionary<string, string> { ["assignmentId"] = Id(assignmentId) }, round + "?handler=Remove");
        await site.WithScopeAsync(async services => await services.GetRequiredService<ContestSite.Web.Judging.UseCases.WithdrawJudge>().RunAsync(x));

        Assert.Contains("该评委在这件作品上的利益冲突申请尚待处理，请先处理申请", removal.Text);
        var review = await ReviewOfAsync(site, x, a);
        Assert.Equal((ReviewStatus.Draft, 2), (review.Status, review.Scores.Count));
        Assert.Equal(0, await site.AuditCountAsync("judging.assignment-removed"));
    }
}
