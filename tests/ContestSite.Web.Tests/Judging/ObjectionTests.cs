using System.Net;
using ContestSite.Core.Judging;
using ContestSite.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static ContestSite.Web.Tests.Judging.JudgingTestKit;

namespace ContestSite.Web.Tests.Judging;

/// <summary>Objections during 公示 and what teams see of their results: who may object, when, with what, and how answers travel.</summary>
/// <summary>
/// The tests that object to, answer and read one published round with default settings share its site: each finds its
/// objection by its own reason and counts audit entries against what was there before. The tests that move the clock,
/// publish with other settings or race on PostgreSQL have their own.
/// </summary>
public sealed class ObjectionTests(ObjectionTests.PublishedRound shared) : IClassFixture<ObjectionTests.PublishedRound>
{
    /// <summary>Three scored entries, 甲 with a first prize, provisional results published (公示) by the organizer.</summary>
    public sealed class PublishedRound : SharedSite
    {
        public int RoundId { get; private set; }
        public int[] Entries { get; private set; } = [];

        protected override async Task<SiteFactory> StartAsync()
        {
            var site = await SiteAsync();
            RoundId = await site.FirstRoundIdAsync();
            using var organizer = await site.OrganizerAsync();
            Entries = await site.PublishedRoundAsync(organizer, RoundId);
            return site;
        }
    }

    private static readonly byte[] Pdf = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"u8.ToArray();

    private static async Task<HttpResponseMessage> RaiseAsync(SiteClient member, int roundId, int submissionId, string reason, byte[]? attachment = null, string fileName = "证据.pdf")
    {
        var page = await member.GetAsync($"/results/rounds/{roundId}/objections/new");
        var form = new MultipartFormDataContent
        {
            { new StringContent(page.AntiforgeryToken ?? ""), "__RequestVerificationToken" },
            { new StringContent(Id(submissionId)), "SubmissionId" },
            { new StringContent(reason), "Reason" },
        };
        if (attachment is not null) form.Add(new ByteArrayContent(attachment), "attachment", fileName);
        return await member.Http.PostAsync($"/results/rounds/{roundId}/objections/new", form);
    }

    private static async Task<string> TextAsync(HttpResponseMessage response) =>
        System.Net.WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

    private static Task<(int Objections, int Raised)> CountsAsync(SiteFactory site) => site.WithDbAsync(async db =>
        (await db.Objections.CountAsync(), await db.AuditEntries.CountAsync(e => e.Action == "judging.objection-raised")));

    [Fact]
    public async Task A_member_raises_an_objection_with_a_pdf_which_only_the_team_and_organizers_can_open()
    {
        var (site, roundId, entries) = (shared.Site, shared.RoundId, shared.Entries);
        using var organizer = await site.OrganizerAsync();
        using var member = await site.SignedInAsync(await site.CaptainEmailAsync(entries[1]));
        const string reason = "甲作品的演示地址无法访问，评分依据存疑。";

        using var raised = await RaiseAsync(member, roundId, entries[0], reason, Pdf);

        Assert.Equal(HttpStatusCode.Redirect, raised.StatusCode);
        var objection = await site.WithDbAsync(db => db.Objections.SingleAsync(o => o.Reason == reason));
        Assert.Equal(entries[0], objection.SubmissionId);
        Assert.Equal("application/pdf", objection.AttachmentContentType);
        Assert.Contains("甲作品的演示地址无法访问", (await member.GetAsync($"/results/rounds/{roundId}/objections")).Text);
        Assert.Contains("甲作品的演示地址无法访问", (await organizer.GetAsync($"/admin/judging/rounds/{roundId}/objections")).Text);
        var url = $"/results/objections/{objection.Id}/attachment";
        using (var own = await member.Http.GetAsync(url))
        {
            Assert.Equal(HttpStatusCode.OK, own.StatusCode);
            Assert.Equal("attachment", own.Content.Headers.ContentDisposition?.DispositionType);
            Assert.Equal("nosniff", own.Headers.GetValues("X-Content-Type-Options").Single());
        }
        using (var byOrganizer = await organizer.Http.GetAsync(url)) Assert.Equal(HttpStatusCode.OK, byOrganizer.StatusCode);
        using var other = await site.SignedInAsync(await site.CaptainEmailAsync(entries[2]));
        var opened = await site.AuditCountAsync("judging.objection-file-opened");
        using (var refused = await other.Http.GetAsync(url)) Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        using var visitor = site.CreateSiteClient();
        using (var anonymous = await visitor.Http.GetAsync(url)) Assert.NotEqual(HttpStatusCode.OK, anonymous.StatusCode);
        Assert.Equal(opened, await site.AuditCountAsync("judging.objection-file-opened"));
    }

    [Fact]
    public async Task Bad_objections_are_refused_with_their_reason_and_nothing_is_kept()
    {
        await using var site = await SiteAsync();
        var roundId = await site.FirstRoundIdAsync();
        using var organizer = await site.OrganizerAsync();
        var entries = await site.PublishedRoundAsync(organizer, roundId);
        using var member = await site.SignedInAsync(await site.CaptainEmailAsync(entries[1]));
        using var outsider = await site.ContestantAsync("outsider@test.local");
        const string reason = "评分与评审标准不一致，请复核。";

        var cases = new (SiteClient Client, int Entry, string Reason, byte[]? File, string FileName, string Expected)[]
        {
            (member, entries[0], "太短", null, "", "请写明异议的理由（至少 10 个字）"),
            (member, entries[0], new string('长', 2001), null, "", "异议理由最多 2000 个字"),
            (member, 999999, reason, null, "", "请选择本轮结果中的作品"),
            (outsider, entries[0], reason, null, "", "只有参加本轮评审的团队成员可以提出异议"),
            (member, entries[0], reason, "<html><script>alert(1)</script></html>"u8.ToArray(), "证据.pdf", "附件须是 PDF 或 PNG、JPEG、WebP 图片"),
            (member, entries[0], reason, new byte[(10 << 20) + 1], "大文件.pdf", "附件不能超过 10 MB"),
        };
        foreach (var (client, entry, text, file, fileName, expected) in cases)
        {
            var before = await CountsAsync(site);
            using var refused = await RaiseAsync(client, roundId, entry, text, file, fileName);
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            Assert.Contains(expected, await TextAsync(refused));
            Assert.Equal(before, await CountsAsync(site));
        }

        site.Clock.Advance(TimeSpan.FromDays(8));
        using var late = await RaiseAsync(member, roundId, entries[0], reason);
        Assert.Contains("公示期已于", await TextAsync(late));
        Assert.Equal((0, 0), await CountsAsync(site));
    }

    [Fact]
    public async Task Before_results_are_published_nobody_can_object()
    {
        await using var site = await SiteAsync();
        var roundId = await site.FirstRoundIdAsync();
        var entries = await site.ScoredRoundAsync();
        using var member = await site.SignedInAsync(await site.CaptainEmailAsync(entries[1]));

        using var refused = await RaiseAsync(member, roundId, entries[0], "评分与评审标准不一致，请复核。");

        Assert.Contains("本轮结果不在公示期，不能提出异议", await TextAsync(refused));
        Assert.Equal((0, 0), await CountsAsync(site));
    }

    [Fact]
    public async Task A_private_answer_reaches_only_the_team_and_an_objection_is_answered_once()
    {
        var (site, roundId, entries) = (shared.Site, shared.RoundId, shared.Entries);
        using var organizer = await site.OrganizerAsync();
        var email = await site.CaptainEmailAsync(entries[1]);
        using var member = await site.SignedInAsync(email);
        const string reason = "我们的作品第二项评分明显偏低，请复核。";
        using (var raised = await RaiseAsync(member, roundId, entries[1], reason)) Assert.Equal(HttpStatusCode.Redirect, raised.StatusCode);
        var id = await site.WithDbAsync(db => db.Objections.Where(o => o.Reason == reason).Select(o => o.Id).SingleAsync());
        var answers = await site.AuditCountAsync("judging.objection-answered");
        var admin = $"/admin/judging/rounds/{roundId}/objections";

        var answered = await organizer.PostFormAsync(admin, new Dictionary<string, string> { ["objectionId"] = Id(id), ["answer"] = "已复核，评分无误。" }, admin + "?handler=Answer");
        var again = await organizer.PostFormAsync(admin, new Dictionary<string, string> { ["objectionId"] = Id(id), ["answer"] = "第二次答复", ["isPublic"] = "true" }, admin + "?handler=Answer");

        Assert.Equal(HttpStatusCode.Redirect, answered.Status);
        Assert.Contains("该异议已经答复过了", again.Text);
        var stored = await site.WithDbAsync(db => db.Objections.SingleAsync(o => o.Id == id));
        Assert.Equal(("已复核，评分无误。", false, ObjectionStatus.Answered), (stored.Answer, stored.AnswerIsPublic, stored.Status));
        Assert.Contains("已复核，评分无误。", (await member.GetAsync($"/results/rounds/{roundId}/objections")).Text);
        using var visitor = site.CreateSiteClient();
        Assert.DoesNotContain("已复核，评分无误。", (await visitor.GetAsync("/results")).Text);
        var mail = await site.Smtp.WaitForAsync(email, m => m.Subject?.Contains("您提出的异议已答复") == true);
        Assert.Contains("已复核，评分无误。", mail.TextBody);
        Assert.Equal(answers + 1, await site.AuditCountAsync("judging.objection-answered"));
    }

    [Fact]
    public async Task A_team_sees_its_rank_scores_advancement_award_and_unsigned_comments_when_the_round_shows_them()
    {
        await using var site = await SiteAsync();
        var roundId = await site.FirstRoundIdAsync();
        using var organizer = await site.OrganizerAsync();
        var entries = await site.PublishedRoundAsync(organizer, roundId, fields => fields["showComments"] = "true");
        using var winner = await site.SignedInAsync(await site.CaptainEmailAsync(entries[0]));

        var page = (await winner.GetAsync("/results/team")).Text;

        Assert.Contains("甲作品", page);
        Assert.Contains("第 1 名（共 3 件）", page);
        Assert.Contains("一等奖", page);
        Assert.Contains("平均分（标准化）", page);
        Assert.Contains("思路清晰", page);
        Assert.DoesNotContain("harsh", page);
        Assert.DoesNotContain("generous", page);
        Assert.DoesNotContain("乙作品", page);
        Assert.Contains("/results/team", (await winner.GetAsync("/")).Html);
    }

    [Fact]
    public async Task Comments_stay_hidden_from_teams_unless_the_round_shows_them()
    {
        var (site, entries) = (shared.Site, shared.Entries);
        using var team = await site.SignedInAsync(await site.CaptainEmailAsync(entries[2]));

        var page = (await team.GetAsync("/results/team")).Text;

        Assert.Contains("丙作品", page);
        Assert.DoesNotContain("思路清晰", page);
    }

    [Theory]
    [InlineData(TestProvider.Sqlite)]
    [InlineData(TestProvider.Postgres)]
    public async Task Two_organizers_answering_one_objection_at_the_same_moment_answer_it_once(TestProvider provider)
    {
        await using var own = provider == TestProvider.Sqlite ? null : await SiteAsync(provider);
        var site = own ?? shared.Site;
        var roundId = own is null ? shared.RoundId : await own.FirstRoundIdAsync();
        using var first = await site.OrganizerAsync();
        using var second = await site.OrganizerAsync();
        var entries = own is null ? shared.Entries : await own.PublishedRoundAsync(first, roundId);
        // A team of its own (丙), so the answers are the only ones it is mailed.
        using var member = await site.SignedInAsync(await site.CaptainEmailAsync(entries[2]));
        const string reason = "甲作品的数据来源没有说明，评分依据存疑。";
        using (var raised = await RaiseAsync(member, roundId, entries[0], reason)) Assert.Equal(HttpStatusCode.Redirect, raised.StatusCode);
        var id = await site.WithDbAsync(db => db.Objections.Where(o => o.Reason == reason).Select(o => o.Id).SingleAsync());
        var answered = await site.AuditCountAsync("judging.objection-answered");
        var admin = $"/admin/judging/rounds/{roundId}/objections";
        var tokens = await Task.WhenAll(first.GetAsync(admin), second.GetAsync(admin));

        var answers = await Task.WhenAll(
            first.PostAsync(admin + "?handler=Answer", new Dictionary<string, string> { ["objectionId"] = Id(id), ["answer"] = "第一位组织者的答复", ["__RequestVerificationToken"] = tokens[0].AntiforgeryToken! }),
            second.PostAsync(admin + "?handler=Answer", new Dictionary<string, string> { ["objectionId"] = Id(id), ["answer"] = "第二位组织者的答复", ["isPublic"] = "true", ["__RequestVerificationToken"] = tokens[1].AntiforgeryToken! }));

        Assert.Single(answers, a => a.Status == HttpStatusCode.Redirect);
        Assert.Single(answers, a => a.Text.Contains("该异议已经答复过了"));
        var stored = await site.WithDbAsync(db => db.Objections.SingleAsync(o => o.Id == id));
        Assert.Equal(answers[0].Status == HttpStatusCode.Redirect ? "第一位组织者的答复" : "第二位组织者的答复", stored.Answer);
        Assert.Equal(answered + 1, await site.AuditCountAsync("judging.objection-answered"));
    }
}
