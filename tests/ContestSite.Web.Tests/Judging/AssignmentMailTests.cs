using System.Net;
using System.Text;
using ContestSite.Data;
using ContestSite.Data.Email;
using ContestSite.Web.Judging.UseCases;
using ContestSite.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static ContestSite.Web.Tests.Judging.JudgingTestKit;

namespace ContestSite.Web.Tests.Judging;

/// <summary>Judges are mailed what they were given: one mail per judge and operation, with the new and total counts, in their language.</summary>
public sealed class AssignmentMailTests
{
    private const string Subject = "评审任务";

    /// <summary>The assignment mails queued to one address (the outbox is the record of every mail the site sends).</summary>
    private static Task<List<OutboxMessage>> AssignmentMailsAsync(SiteFactory site, string address) =>
        site.WithDbAsync(db => db.Outbox.AsNoTracking().Where(m => m.ToAddress == address && (m.Subject.Contains(Subject) || m.Subject.Contains("assigned to you")))
            .OrderBy(m => m.Id).ToListAsync());

    private static Task<int> AllAssignmentMailsAsync(SiteFactory site) =>
        site.WithDbAsync(db => db.Outbox.CountAsync(m => m.Subject.Contains(Subject) || m.Subject.Contains("assigned to you")));

    [Theory]
    [InlineData(TestProvider.Sqlite)]
    [InlineData(TestProvider.Postgres)]
    public async Task Each_judge_gets_one_mail_per_assignment_with_the_new_and_total_counts_and_an_english_judge_gets_it_in_english(TestProvider provider)
    {
        await using var site = await SiteAsync(provider);
        await site.JudgeAsync("english@test.local");
        await site.WithDbAsync(db => db.Users.Where(u => u.Email == "english@test.local").ExecuteUpdateAsync(s => s.SetProperty(u => u.PreferredCulture, "en-US")));
        await site.JudgeAsync("second@test.local");
        await site.JudgeAsync("third@test.local");
        var entries = new List<int>();
        for (var i = 0; i < 4; i++) entries.Add(await site.EntryAsync($"作品{i}"));
        using var organizer = await site.OrganizerAsync();
        var roundId = (await site.FirstRoundAsync()).Id;
        var url = $"/admin/judging/rounds/{roundId}";

        var added = await organizer.PostFormAsync(url, new Dictionary<string, string> { ["submissionId"] = Id(entries[0]), ["judgeEmail"] = "english@test.local" }, url + "?handler=Add");
        var assigned = await organizer.PostFormAsync(url, new Dictionary<string, string>(), url + "?handler=Assign");

        Assert.Equal(HttpStatusCode.Redirect, added.Status);
        Assert.Equal(HttpStatusCode.Redirect, assigned.Status);
        Assert.Equal(12, await site.AssignmentCountAsync());
        var english = await AssignmentMailsAsync(site, "english@test.local");
        Assert.Equal(2, english.Count);
        Assert.Equal("初赛 review: new entries assigned to you (1)", english[0].Subject);
        Assert.Contains("assigned entries to you in 初赛: 1 new, 1 in all for you to review", english[0].TextBody);
        Assert.Equal("初赛 review: new entries assigned to you (3)", english[1].Subject);
        Assert.Contains("assigned entries to you in 初赛: 3 new, 4 in all for you to review", english[1].TextBody);
        Assert.Contains("Review runs from 2020-11-01 00:00 to 2020-11-10 18:00 (Beijing time)", english[1].TextBody);
        Assert.Contains("http://contest.test/judging", english[1].TextBody);
        foreach (var judge in new[] { "second@test.local", "third@test.local" })
        {
            var mails = await AssignmentMailsAsync(site, judge);
            var mail = Assert.Single(mails);
            Assert.Equal("初赛评审任务：新分配 4 件作品", mail.Subject);
            Assert.Contains("组委会为您在初赛新分配了 4 件作品，您在本轮共有 4 件作品需要评审。", mail.TextBody);
        }
        Assert.Equal(4, await AllAssignmentMailsAsync(site));
        var delivered = await site.Smtp.WaitForAsync("third@test.local", m => m.Subject!.Contains(Subject));
        Assert.Contains("评审时间：2020-11-01 00:00 至 2020-11-10 18:00（北京时间）", delivered.TextBody);
    }

    [Fact]
    public async Task A_csv_import_mails_each_judge_once_and_a_refused_import_mails_nobody()
    {
        await using var site = await SiteAsync();
        await site.JudgeAsync("many@test.local");
        await site.JudgeAsync("one@test.local");
        var first = await site.EntryAsync("甲作品");
        var second = await site.EntryAsync("乙作品");
        using var organizer = await site.OrganizerAsync();
        var url = $"/admin/judging/rounds/{(await site.FirstRoundAsync()).Id}";

        var refused = await ImportAsync(organizer, url, $"submission_id,judge_email\n{first},many@test.local\n{second},nobody@test.local\n");
        Assert.Contains("第 3 行：找不到这位评委", refused.Text);
        Assert.Equal(0, await AllAssignmentMailsAsync(site));

        var imported = await ImportAsync(organizer, url, $"submission_id,judge_email\n{first},many@test.local\n{second},many@test.local\n{first},one@test.local\n");

        Assert.Equal(HttpStatusCode.Redirect, imported.Status);
        Assert.Contains("新分配 2 件作品", Assert.Single(await AssignmentMailsAsync(site, "many@test.local")).Subject);
        Assert.Contains("新分配 1 件作品", Assert.Single(await AssignmentMailsAsync(site, "one@test.local")).Subject);
        Assert.Equal(2, await AllAssignmentMailsAsync(site));
    }

    [Theory]
    [InlineData(TestProvider.Sqlite)]
    [InlineData(TestProvider.Postgres)]
    public async Task An_assignment_rolled_back_or_refused_queues_no_mail(TestProvider provider)
    {
        await using var site = await SiteAsync(provider);
        await site.JudgeAsync("a@test.local");
        await site.JudgeAsync("b@test.local");
        await site.EntryAsync("作品");
        var round = await site.FirstRoundAsync();

        // Two judges for an entry that needs three: refused, nothing assigned.
        await site.WithScopeAsync(async services =>
        {
            var (result, added) = await services.GetRequiredService<AutoAssign>().RunAsync(round);
            Assert.False(result.Allowed);
            Assert.Equal(0, added);
        });
        await site.JudgeAsync("c@test.local");
        // Enough judges now, but the caller's transaction rolls back: the assignments and their mail go together.
        await site.WithScopeAsync(async services =>
        {
            var db = services.GetRequiredService<ContestDbContext>();
            await using var transaction = await db.Database.BeginTransactionAsync();
            var (result, added) = await services.GetRequiredService<AutoAssign>().RunAsync(round);
            Assert.True(result.Allowed);
            Assert.Equal(3, added);
            await transaction.RollbackAsync();
        });

        Assert.Equal(0, await site.AssignmentCountAsync());
        Assert.Equal(0, await AllAssignmentMailsAsync(site));
    }

    [Fact]
    public async Task A_judge_who_takes_over_an_entry_after_a_declared_conflict_is_mailed_and_the_others_are_not_mailed_again()
    {
        await using var site = await SiteAsync();
        var judges = new List<string>();
        for (var i = 0; i < 4; i++) judges.Add(await site.JudgeAsync($"judge{i}@test.local"));
        var entry = await site.EntryAsync("作品");
        var round = await site.FirstRoundAsync();
        await site.WithScopeAsync(services => services.GetRequiredService<AutoAssign>().RunAsync(round));
        var assigned = await site.WithDbAsync(db => db.Assignments.Select(a => a.JudgeUserId).ToListAsync());
        var leaving = assigned[0];
        var spare = judges.Single(j => !assigned.Contains(j));
        var spareEmail = await site.WithDbAsync(db => db.Users.Where(u => u.Id == spare).Select(u => u.Email!).SingleAsync());
        Assert.Equal(3, await AllAssignmentMailsAsync(site));

        await site.WithScopeAsync(async services =>
        {
            var (result, _) = await services.GetRequiredService<DeclareConflict>().RunAsync(leaving, entry, "曾指导该团队");
            Assert.True(result.Allowed);
        });

        Assert.Contains(spare, await site.WithDbAsync(db => db.Assignments.Select(a => a.JudgeUserId).ToListAsync()));
        Assert.Contains("新分配 1 件作品", Assert.Single(await AssignmentMailsAsync(site, spareEmail)).Subject);
        Assert.Equal(4, await AllAssignmentMailsAsync(site));
    }

    private static async Task<SiteClient.Page> ImportAsync(SiteClient organizer, string url, string csv)
    {
        var token = (await organizer.GetAsync(url)).AntiforgeryToken!;
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new ByteArrayContent(Encoding.UTF8.GetBytes(csv)), "file", "assignments.csv" },
        };
        using var response = await organizer.Http.PostAsync(url + "?handler=Import", form);
        return await SiteClient.Page.ReadAsync(response);
    }
}
