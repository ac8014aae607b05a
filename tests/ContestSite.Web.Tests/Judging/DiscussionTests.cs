using System.Net;
using ContestSite.Core.Judging;
using ContestSite.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static ContestSite.Web.Tests.Judging.JudgingTestKit;

namespace ContestSite.Web.Tests.Judging;

/// <summary>
/// Issue 18: each entry's discussion among its judges and organizers (HotCRP's reviewer comments). Harsh and generous
/// judges score three entries 40–70 points apart, so every entry of <see cref="JudgingTestKit.ScoredRoundAsync"/> is
/// flagged for disagreement and its thread is open.
/// </summary>
public sealed class DiscussionTests
{
    private static string Thread(int entry) => $"/judging/entries/{entry}/discussion";

    private static Task<SiteClient.Page> CommentAsync(SiteClient client, int entry, string body) =>
        client.PostFormAsync(Thread(entry), new Dictionary<string, string> { ["Body"] = body }, Thread(entry) + "?handler=Comment");

    private static Task<int> CommentCountAsync(SiteFactory site) => site.WithDbAsync(db => db.DiscussionComments.CountAsync());

    private static Task<int> DiscussionMailCountAsync(SiteFactory site) => site.WithDbAsync(db => db.Outbox.CountAsync(m => m.Subject.Contains("评审讨论") || m.Subject.Contains("discussion")));

    [Theory]
    [InlineData(TestProvider.Sqlite)]
    [InlineData(TestProvider.Postgres)]
    public async Task A_judge_comments_on_a_disagreement_and_the_other_judge_is_mailed_in_their_language_but_not_the_author(TestProvider provider)
    {
        await using var site = await SiteAsync(provider);
        var entries = await site.ScoredRoundAsync();
        await site.WithDbAsync(db => db.Users.Where(u => u.Email == "generous@test.local").ExecuteUpdateAsync(s => s.SetProperty(u => u.PreferredCulture, "en-US")));
        using var harsh = await site.SignedInAsync("harsh@test.local");

        var before = await harsh.GetAsync(Thread(entries[0]));
        var posted = await CommentAsync(harsh, entries[0], "我给的分偏低：**数据应用**不充分。");
        var after = await harsh.GetAsync(Thread(entries[0]));

        Assert.Contains("评委总分相差超过本轮的分歧阈值", before.Text);
        Assert.Equal(HttpStatusCode.Redirect, posted.Status);
        Assert.Contains("<strong>数据应用</strong>", after.Html);
        Assert.Contains("我（评委 A）", after.Text);
        var comment = await site.WithDbAsync(db => db.DiscussionComments.SingleAsync());
        Assert.False(comment.ByOrganizer);
        Assert.Equal(1, await site.AuditCountAsync("judging.comment-added"));
        var mails = await site.WithDbAsync(db => db.Outbox.Where(m => m.Subject.Contains("discussion") || m.Subject.Contains("评审讨论")).ToListAsync());
        var mail = Assert.Single(mails);
        Assert.Equal("generous@test.local", mail.ToAddress);
        Assert.StartsWith("New comment in the judges' discussion", mail.Subject);
        Assert.Contains("Judge A wrote:", mail.TextBody);
        Assert.DoesNotContain("harsh@test.local", mail.TextBody);
    }

    [Fact]
    public async Task The_other_judge_sees_the_comment_under_a_letter_and_never_the_author_s_name()
    {
        await using var site = await SiteAsync();
        var entries = await site.ScoredRoundAsync();
        await site.WithDbAsync(db => db.Users.Where(u => u.Email == "harsh@test.local").ExecuteUpdateAsync(s => s.SetProperty(u => u.DisplayName, "严格的王评委")));
        using (var harsh = await site.SignedInAsync("harsh@test.local")) await CommentAsync(harsh, entries[1], "请大家看看第 3 页的数据来源");
        using var generous = await site.SignedInAsync("generous@test.local");
        using var organizer = await site.OrganizerAsync();

        var judgeView = await generous.GetAsync(Thread(entries[1]));
        var organizerView = await organizer.GetAsync(Thread(entries[1]));

        Assert.Contains("评委 A", judgeView.Text);
        Assert.Contains("请大家看看第 3 页的数据来源", judgeView.Text);
        Assert.DoesNotContain("严格的王评委", judgeView.Text);
        Assert.Contains("严格的王评委（评委）", organizerView.Text);
    }

    [Theory]
    [InlineData("unassigned")]
    [InlineData("conflicted")]
    [InlineData("team")]
    public async Task Someone_not_in_the_thread_can_neither_read_nor_post_and_nothing_is_stored_or_mailed(string who)
    {
        await using var site = await SiteAsync();
        var entries = await site.ScoredRoundAsync();
        using (var harsh = await site.SignedInAsync("harsh@test.local")) await CommentAsync(harsh, entries[2], "原有的留言");
        var email = who switch
        {
            "unassigned" => "outsider@test.local",
            "conflicted" => "generous@test.local",
            _ => await site.CaptainEmailAsync(entries[2]),
        };
        if (who == "unassigned") await site.JudgeAsync(email);
        using var attacker = await site.SignedInAsync(email);
        if (who == "conflicted")
            await attacker.PostFormAsync("/judging", new Dictionary<string, string> { ["submissionId"] = Id(entries[2]), ["reason"] = "亲属关系" }, "/judging?handler=Conflict");
        var comments = await CommentCountAsync(site);
        var mails = await DiscussionMailCountAsync(site);
        var audits = await site.AuditCountAsync("judging.comment-added");
        var token = (await attacker.GetAsync("/")).AntiforgeryToken!;

        var read = await attacker.GetAsync(Thread(entries[2]));
        var posted = await attacker.PostAsync(Thread(entries[2]) + "?handler=Comment", new Dictionary<string, string> { ["Body"] = "我也来说两句", ["__RequestVerificationToken"] = token });
        var opened = await attacker.PostAsync(Thread(entries[2]) + "?handler=Open", new Dictionary<string, string> { ["Reason"] = "想看", ["__RequestVerificationToken"] = token });

        Assert.Equal(HttpStatusCode.NotFound, read.Status);
        Assert.DoesNotContain("原有的留言", read.Text);
        Assert.Equal(HttpStatusCode.NotFound, posted.Status);
        Assert.Equal(HttpStatusCode.NotFound, opened.Status);
        Assert.Equal(comments, await CommentCountAsync(site));
        Assert.Equal(mails, await DiscussionMailCountAsync(site));
        Assert.Equal(audits, await site.AuditCountAsync("judging.comment-added"));
    }

    [Fact]
    public async Task An_anonymous_visitor_is_sent_to_sign_in_and_cannot_post()
    {
        await using var site = await SiteAsync();
        var entries = await site.ScoredRoundAsync();
        using var visitor = site.NewClient();
        var token = (await visitor.GetAsync("/account/login")).AntiforgeryToken!;

        var read = await visitor.GetAsync(Thread(entries[0]));
        var posted = await visitor.PostAsync(Thread(entries[0]) + "?handler=Comment", new Dictionary<string, string> { ["Body"] = "匿名留言", ["__RequestVerificationToken"] = token });

        Assert.Equal(HttpStatusCode.Redirect, read.Status);
        Assert.StartsWith("/account/login", read.Location!.PathAndQuery);
        Assert.True(posted.Status == HttpStatusCode.BadRequest || (posted.Status == HttpStatusCode.Redirect && posted.Location!.PathAndQuery.StartsWith("/account/login", StringComparison.Ordinal)),
            $"an anonymous comment answered {posted.Status} {posted.Location}");
        Assert.Equal(0, await CommentCountAsync(site));
        Assert.Equal(0, await DiscussionMailCountAsync(site));
    }

    [Fact]
    public async Task A_thread_without_disagreement_takes_no_comment_until_a_judge_opens_it()
    {
        await using var site = await SiteAsync();
        var judgeId = await site.JudgeAsync("judge@test.local");
        var otherId = await site.JudgeAsync("other@test.local");
        var entry = await site.EntryAsync("一致的作品");
        await site.AssignDirectAsync(judgeId, entry);
        await site.AssignDirectAsync(otherId, entry);
        using var judge = await site.SignedInAsync("judge@test.local");

        var refused = await CommentAsync(judge, entry, "先说两句");
        var commentsWhileClosed = await CommentCountAsync(site);
        var opened = await judge.PostFormAsync(Thread(entry), new Dictionary<string, string> { ["Reason"] = "想确认数据来源" }, Thread(entry) + "?handler=Open");
        var accepted = await CommentAsync(judge, entry, "数据来源是否可靠？");

        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains("这件作品的讨论尚未发起", refused.Text);
        Assert.Equal(0, commentsWhileClosed);
        Assert.Equal(HttpStatusCode.Redirect, opened.Status);
        Assert.Equal(HttpStatusCode.Redirect, accepted.Status);
        var discussion = await site.WithDbAsync(db => db.Discussions.Include(d => d.Comments).SingleAsync());
        Assert.Equal("想确认数据来源", discussion.Reason);
        Assert.Single(discussion.Comments);
        Assert.Equal(1, await site.AuditCountAsync("judging.discussion-opened"));
        Assert.Equal(1, await site.WithDbAsync(db => db.Outbox.CountAsync(m => m.ToAddress == "other@test.local" && m.Subject.Contains("评审讨论"))));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("too-long")]
    public async Task An_empty_or_too_long_comment_is_refused_and_nothing_is_stored(string body)
    {
        await using var site = await SiteAsync();
        var entries = await site.ScoredRoundAsync();
        using var harsh = await site.SignedInAsync("harsh@test.local");
        var text = body == "too-long" ? new string('长', DiscussionRules.MaxCommentLength + 1) : body;

        var refused = await CommentAsync(harsh, entries[0], text);

        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains(body == "too-long" ? "留言最多 4000 个字" : "请填写留言内容", refused.Text);
        Assert.Equal(0, await CommentCountAsync(site));
        Assert.Equal(0, await site.WithDbAsync(db => db.Discussions.CountAsync()));
        Assert.Equal(0, await site.AuditCountAsync("judging.comment-added"));
        Assert.Equal(0, await DiscussionMailCountAsync(site));
    }

    [Fact]
    public async Task Script_and_markup_in_a_comment_are_shown_inert()
    {
        await using var site = await SiteAsync();
        var entries = await site.ScoredRoundAsync();
        using var harsh = await site.SignedInAsync("harsh@test.local");

        await CommentAsync(harsh, entries[0], "<script>alert('x')</script><img src=x onerror=\"alert(1)\"> <iframe src=\"https://evil.example\"></iframe>\n\n[链接](javascript:alert(2)) *保留的强调*");
        var page = await harsh.GetAsync(Thread(entries[0]));

        Assert.Contains("<em>保留的强调</em>", page.Html);
        Assert.DoesNotContain("<script>alert", page.Html);
        Assert.DoesNotContain("onerror", page.Html);
        Assert.DoesNotContain("href=\"javascript:", page.Html);
        Assert.DoesNotContain("<iframe", page.Html);
    }

    [Fact]
    public async Task An_organizer_posts_from_the_round_page_the_judges_are_mailed_and_the_team_never_sees_the_thread()
    {
        await using var site = await SiteAsync();
        var entries = await site.ScoredRoundAsync();
        var roundId = await site.FirstRoundIdAsync();
        using var organizer = await site.OrganizerAsync();
        var captain = await site.CaptainEmailAsync(entries[0]);

        var round = await organizer.GetAsync($"/admin/judging/rounds/{roundId}");
        var posted = await CommentAsync(organizer, entries[0], "请两位评委说明打分依据。");
        using var team = await site.SignedInAsync(captain);
        var teamView = await team.GetAsync(Thread(entries[0]));

        Assert.Contains($"href=\"/judging/entries/{entries[0]}/discussion\"", round.Html);
        Assert.Equal(HttpStatusCode.Redirect, posted.Status);
        Assert.True(await site.WithDbAsync(db => db.DiscussionComments.AnyAsync(c => c.ByOrganizer)));
        var to = await site.WithDbAsync(db => db.Outbox.Where(m => m.Subject.Contains("评审讨论")).Select(m => m.ToAddress).OrderBy(a => a).ToListAsync());
        Assert.Equal(["generous@test.local", "harsh@test.local"], to);
        Assert.DoesNotContain(captain, to);
        Assert.Equal(HttpStatusCode.NotFound, teamView.Status);
        using var harsh = await site.SignedInAsync("harsh@test.local");
        Assert.Contains("组委会", (await harsh.GetAsync(Thread(entries[0]))).Text);
    }

    [Fact]
    public async Task Once_results_are_final_the_thread_is_read_only()
    {
        await using var site = await SiteAsync();
        using var organizer = await site.OrganizerAsync();
        var roundId = await site.FirstRoundIdAsync();
        var entries = await site.PublishedRoundAsync(organizer, roundId);
        using (var harsh = await site.SignedInAsync("harsh@test.local")) Assert.Equal(HttpStatusCode.Redirect, (await CommentAsync(harsh, entries[0], "公示期间的留言")).Status);
        site.Clock.Advance(TimeSpan.FromDays(8));
        var results = $"/admin/judging/rounds/{roundId}/results";
        Assert.Equal(HttpStatusCode.Redirect, (await organizer.PostFormAsync(results, new Dictionary<string, string> { ["confirmed"] = "true" }, results + "?handler=Finalise")).Status);
        using var judge = await site.SignedInAsync("harsh@test.local");
        var mails = await DiscussionMailCountAsync(site);

        var page = await judge.GetAsync(Thread(entries[0]));
        var refused = await CommentAsync(judge, entries[0], "结果确定后的留言");
        var refusedOpen = await judge.PostFormAsync(Thread(entries[1]), new Dictionary<string, string>(), Thread(entries[1]) + "?handler=Open");

        Assert.Contains("公示期间的留言", page.Text);
        Assert.Contains("本轮结果已确定，讨论只能查看，不能再留言", page.Text);
        Assert.DoesNotContain("name=\"Body\"", page.Html);
        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains("本轮结果已确定，讨论只能查看，不能再留言", refused.Text);
        Assert.Equal(HttpStatusCode.OK, refusedOpen.Status);
        Assert.Equal(1, await CommentCountAsync(site));
        Assert.Equal(1, await site.WithDbAsync(db => db.Discussions.CountAsync()));
        Assert.Equal(mails, await DiscussionMailCountAsync(site));
    }
}
