using System.Globalization;
using System.Net;
using ContestSite.Core.Judging;
using ContestSite.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static ContestSite.Web.Tests.Judging.JudgingTestKit;

namespace ContestSite.Web.Tests.Judging;

/// <summary>Issue 18, the judge's workspace: the proposal PDF in the browser, the weighted total, progress and the conflict control.</summary>
public sealed class WorkspaceTests
{
    private static readonly byte[] RealPdf = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"u8.ToArray();

    private static async Task<(int Entry, int FileId)> AssignedEntryAsync(SiteFactory site, string judgeEmail, byte[] proposal)
    {
        var judgeId = await site.JudgeAsync(judgeEmail);
        var entry = await site.EntryAsync("智慧公交", proposal: proposal);
        await site.AssignDirectAsync(judgeId, entry);
        var fileId = await site.WithDbAsync(db => db.SubmissionFiles.Select(f => f.Id).SingleAsync());
        return (entry, fileId);
    }

    [Theory]
    [InlineData(TestProvider.Sqlite)]
    [InlineData(TestProvider.Postgres)]
    public async Task The_assigned_judge_opens_a_real_pdf_inline_in_a_sandbox_that_browsers_do_not_sniff(TestProvider provider)
    {
        await using var site = await SiteAsync(provider);
        var (entry, fileId) = await AssignedEntryAsync(site, "judge@test.local", RealPdf);
        using var judge = await site.SignedInAsync("judge@test.local");

        var page = await judge.GetAsync($"/judging/entries/{entry}");
        using var response = await judge.Http.GetAsync($"/judging/entries/{entry}/files/{fileId}/view");

        Assert.Contains($"href=\"/judging/entries/{entry}/files/{fileId}/view\"", page.Html);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("inline", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.StartsWith("sandbox", response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.DoesNotContain("allow-", response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal(RealPdf, await response.Content.ReadAsByteArrayAsync());
        var audit = await site.AuditEntryAsync("judging.file-opened");
        Assert.Equal($"submission:{entry}/file:{fileId}", audit.Subject);
        Assert.Contains("inline", audit.Detail);
    }

    [Fact]
    public async Task An_html_page_stored_as_a_pdf_is_never_served_inline()
    {
        await using var site = await SiteAsync();
        // The record says PDF (as a file that slipped past the upload check would); the bytes are a page with a script.
        var (entry, fileId) = await AssignedEntryAsync(site, "judge@test.local", "<html><body><script>alert(document.cookie)</script></body></html>"u8.ToArray());
        using var judge = await site.SignedInAsync("judge@test.local");

        using var response = await judge.Http.GetAsync($"/judging/entries/{entry}/files/{fileId}/view");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/octet-stream", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.StartsWith("sandbox", response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Contains("attachment", (await site.AuditEntryAsync("judging.file-opened")).Detail);
    }

    [Fact]
    public async Task An_organizer_opens_the_pdf_inline_too()
    {
        await using var site = await SiteAsync();
        var (entry, fileId) = await AssignedEntryAsync(site, "judge@test.local", RealPdf);
        using var organizer = await site.OrganizerAsync();

        using var response = await organizer.Http.GetAsync($"/judging/entries/{entry}/files/{fileId}/view");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("inline", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Contains("organizer", (await site.AuditEntryAsync("judging.file-opened")).Detail);
    }

    [Theory]
    [InlineData("unassigned")]
    [InlineData("conflicted")]
    [InlineData("team")]
    public async Task Nobody_else_opens_the_pdf_and_nothing_is_recorded_as_read(string who)
    {
        await using var site = await SiteAsync();
        var (entry, fileId) = await AssignedEntryAsync(site, "judge@test.local", RealPdf);
        var email = who switch { "unassigned" => "other@test.local", "conflicted" => "judge@test.local", _ => await site.CaptainEmailAsync(entry) };
        if (who == "unassigned") await site.JudgeAsync(email);
        using var client = await site.SignedInAsync(email);
        if (who == "conflicted")
        {
            await client.ScoreAsync(site, entry, "Save", "8");
            await client.PostFormAsync("/judging", new Dictionary<string, string> { ["submissionId"] = Id(entry), ["reason"] = "指导过该团队" }, "/judging?handler=Conflict");
            Assert.Equal(ConflictStatus.Requested, await site.WithDbAsync(db => db.ConflictDeclarations.Select(c => c.Status).SingleAsync()));
        }

        using var response = await client.Http.GetAsync($"/judging/entries/{entry}/files/{fileId}/view");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(0, await site.AuditCountAsync("judging.file-opened"));
    }

    [Fact]
    public async Task Screenshots_get_no_inline_view_link_and_the_view_url_gives_them_as_a_download()
    {
        await using var site = await SiteAsync();
        var (entry, fileId) = await AssignedEntryAsync(site, "judge@test.local", RealPdf);
        await site.WithDbAsync(db => db.SubmissionFiles.Where(f => f.Id == fileId)
            .ExecuteUpdateAsync(s => s.SetProperty(f => f.Kind, ContestSite.Core.Submissions.SubmissionFileKind.SourcePackage).SetProperty(f => f.ContentType, "application/zip")));
        using var judge = await site.SignedInAsync("judge@test.local");

        var page = await judge.GetAsync($"/judging/entries/{entry}");
        using var response = await judge.Http.GetAsync($"/judging/entries/{entry}/files/{fileId}/view");

        Assert.DoesNotContain("/view\"", page.Html);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
    }

    [Fact]
    public async Task The_page_shows_the_weighted_total_of_a_saved_draft_as_the_server_computes_it()
    {
        await using var site = await SiteAsync();
        var judgeId = await site.JudgeAsync("judge@test.local");
        var entry = await site.EntryAsync("智慧公交");
        await site.AssignDirectAsync(judgeId, entry);
        using var judge = await site.SignedInAsync("judge@test.local");
        var round = await site.FirstRoundAsync();
        string[] typed = ["7", "6", "9", "8", "3"];
        var expected = ScoreValidation.WeightedTotal(round.Criteria,
            round.Criteria.Select((c, i) => (c.Id, Value: decimal.Parse(typed[i], CultureInfo.InvariantCulture))).ToDictionary(p => p.Id, p => p.Value));

        await judge.ScoreAsync(site, entry, "Save", typed);
        var page = await judge.GetAsync($"/judging/entries/{entry}");

        Assert.Equal(expected, Assert.Single(await site.ReviewsAsync(entry)).Total);
        Assert.Matches($"<strong id=\"live-total\"[^>]*>{expected.ToString("0.00", CultureInfo.InvariantCulture)}</strong>", page.Html);
        foreach (var criterion in round.Criteria)
            Assert.Contains($"data-weight=\"{criterion.Weight.ToString(CultureInfo.InvariantCulture)}\" data-max=\"{criterion.MaxScore.ToString(CultureInfo.InvariantCulture)}\"", page.Html);
    }

    [Fact]
    public async Task The_weighted_total_is_each_score_as_a_share_of_its_maximum_weighted_and_out_of_100()
    {
        var criteria = new List<ContestSite.Core.Contests.RubricCriterion>
        {
            new() { Id = 1, Name = "创新性", Weight = 30, MaxScore = 10 },
            new() { Id = 2, Name = "数据应用", Weight = 20, MaxScore = 5 },
            new() { Id = 3, Name = "社会价值", Weight = 10, MaxScore = 20 },
        };

        var total = ScoreValidation.WeightedTotal(criteria, new Dictionary<int, decimal> { [1] = 8, [2] = 2.5m, [3] = 7 });

        // (30·0.8 + 20·0.5 + 10·0.35) / 60 · 100 = 37.5 / 60 · 100
        Assert.Equal(62.5m, total);
    }

    [Theory]
    [InlineData(TestProvider.Sqlite)]
    [InlineData(TestProvider.Postgres)]
    public async Task Progress_counts_submitted_reviews_out_of_assigned_entries_leaving_out_a_conflict(TestProvider provider)
    {
        await using var site = await SiteAsync(provider);
        var judgeId = await site.JudgeAsync("judge@test.local");
        int[] entries = [await site.EntryAsync("甲作品"), await site.EntryAsync("乙作品"), await site.EntryAsync("丙作品")];
        foreach (var entry in entries) await site.AssignDirectAsync(judgeId, entry);
        using var judge = await site.SignedInAsync("judge@test.local");
        await judge.ScoreAsync(site, entries[0], "Submit", "8", "7", "6", "9", "10");
        await judge.ScoreAsync(site, entries[1], "Submit", "8", "7", "6", "9", "10");

        // 乙 was scored, so the declaration is a request: the score stays, locked, and no longer counts as the judge's work.
        await judge.PostFormAsync("/judging", new Dictionary<string, string> { ["submissionId"] = Id(entries[1]), ["reason"] = "亲属关系" }, "/judging?handler=Conflict");
        var workspace = await judge.GetAsync("/judging");
        var entryPage = await judge.GetAsync($"/judging/entries/{entries[0]}");

        Assert.Contains("已评 1 / 2", workspace.Text);
        Assert.Contains("（有利益冲突的作品不计入）", workspace.Text);
        Assert.Contains("初赛：已评 1 / 2", entryPage.Text);
    }

    [Fact]
    public async Task Each_assigned_entry_has_its_own_conflict_form_that_declares_through_the_same_use_case()
    {
        await using var site = await SiteAsync();
        var judgeId = await site.JudgeAsync("judge@test.local");
        int[] entries = [await site.EntryAsync("甲作品"), await site.EntryAsync("乙作品")];
        foreach (var entry in entries) await site.AssignDirectAsync(judgeId, entry);
        using var judge = await site.SignedInAsync("judge@test.local");

        var before = await judge.GetAsync("/judging");
        var declared = await judge.PostFormAsync("/judging", new Dictionary<string, string> { ["submissionId"] = Id(entries[1]), ["reason"] = "同一单位" }, "/judging?handler=Conflict");
        var after = await judge.GetAsync("/judging");

        foreach (var entry in entries) Assert.Contains($"for=\"conflict-reason-{entry}\"", before.Html);
        Assert.Equal(HttpStatusCode.Redirect, declared.Status);
        var conflict = await site.WithDbAsync(db => db.ConflictDeclarations.SingleAsync());
        Assert.Equal((entries[1], "同一单位", ConflictStatus.Declared), (conflict.SubmissionId, conflict.Reason, conflict.Status));
        Assert.Equal(1, await site.AuditCountAsync("judging.conflict-declared"));
        Assert.Contains($"for=\"conflict-reason-{entries[0]}\"", after.Html);
        Assert.DoesNotContain($"for=\"conflict-reason-{entries[1]}\"", after.Html);
    }
}
