using System.Net;
using ContestSite.Core.Judging;
using ContestSite.Data.Email;
using ContestSite.Web.Judging.Mail;
using ContestSite.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using static ContestSite.Web.Tests.Judging.JudgingTestKit;

namespace ContestSite.Web.Tests.Judging;

/// <summary>
/// The reminder before review closes and the note when it has closed: once per judge, round and deadline, only to those
/// they concern, from one node. Each test reads what the job's pass decided, not only the mail that did not come.
/// </summary>
public sealed class JudgeReminderTests
{
    private const string ReminderSubject = "初赛评审即将截止";
    private const string ClosedSubject = "初赛评审已截止";
    private static readonly TimeSpan PollInterval = new JudgeMailOptions().PollInterval;

    private static JudgeMailJob Job(SiteFactory site) => site.Services.GetServices<IHostedService>().OfType<JudgeMailJob>().Single();

    /// <summary>Moves the site's clock to <paramref name="moment"/> and returns the first pass of the background job that ran at or after it.</summary>
    private static async Task<JudgeMailPass> PassAtAsync(SiteFactory site, DateTimeOffset moment)
    {
        if (site.Clock.GetUtcNow() < moment) site.Clock.SetUtcNow(moment);
        var job = Job(site);
        await site.WhileTimePassesUntilAsync(() => Task.FromResult(job.LastPass?.At >= moment), step: PollInterval);
        return job.LastPass!;
    }

    private static Task<List<OutboxMessage>> MailsAsync(SiteFactory site, string address, string subject) =>
        site.WithDbAsync(db => db.Outbox.AsNoTracking().Where(m => m.ToAddress == address && m.Subject == subject).ToListAsync());

    private static Task<int> SubmitDirectAsync(SiteFactory site, string judgeId, int submissionId) => site.WithDbAsync(async db =>
    {
        var assignment = await db.Assignments.SingleAsync(a => a.JudgeUserId == judgeId && a.SubmissionId == submissionId);
        var now = site.Clock.GetUtcNow();
        db.Reviews.Add(new Review { AssignmentId = assignment.Id, Status = ReviewStatus.Submitted, CreatedAt = now, UpdatedAt = now, SubmittedAt = now, Total = 80 });
        return await db.SaveChangesAsync();
    });

    private static Task<int> RequestConflictDirectAsync(SiteFactory site, string judgeId, int submissionId) => site.WithDbAsync(db =>
    {
        db.ConflictDeclarations.Add(new ConflictDeclaration
        {
            JudgeUserId = judgeId, SubmissionId = submissionId, Reason = "曾指导该团队", DeclaredAt = site.Clock.GetUtcNow(), RaisedByUserId = judgeId, Status = ConflictStatus.Requested,
        });
        return db.SaveChangesAsync();
    });

    [Theory]
    [InlineData(TestProvider.Sqlite)]
    [InlineData(TestProvider.Postgres)]
    public async Task Only_judges_with_unfinished_reviews_are_reminded_once_before_the_deadline_and_every_judge_is_thanked_once_when_it_passes(TestProvider provider)
    {
        await using var site = await SiteAsync(provider);
        var busy = await site.JudgeAsync("busy@test.local");
        var done = await site.JudgeAsync("done@test.local");
        var conflicted = await site.JudgeAsync("conflicted@test.local");
        int[] entries = [await site.EntryAsync("甲作品"), await site.EntryAsync("乙作品")];
        await site.AssignDirectAsync(busy, entries[0]);
        await site.AssignDirectAsync(busy, entries[1]);
        await site.AssignDirectAsync(done, entries[0]);
        await SubmitDirectAsync(site, done, entries[0]);
        await site.AssignDirectAsync(conflicted, entries[1]);
        await RequestConflictDirectAsync(site, conflicted, entries[1]);

        var early = await PassAtAsync(site, AfterReview.AddHours(-49));
        Assert.Equal(0, early.RoundsInReminderWindow);
        Assert.Empty(early.Reminded);

        var due = await PassAtAsync(site, AfterReview.AddHours(-47));
        Assert.Equal(1, due.RoundsInReminderWindow);
        Assert.Equal([busy], due.Reminded.Select(r => r.JudgeId));
        var next = await PassAtAsync(site, site.Clock.GetUtcNow() + PollInterval);
        Assert.Equal(1, next.RoundsInReminderWindow);
        Assert.Empty(next.Reminded);
        Assert.Equal(0, next.ClaimedElsewhere);

        var reminder = Assert.Single(await MailsAsync(site, "busy@test.local", ReminderSubject));
        Assert.Contains("初赛的评审将于 2020-11-10 18:00（北京时间）截止。您还有 2 件作品的评分尚未提交（本轮共分配给您 2 件）。", reminder.TextBody);
        Assert.Contains("http://contest.test/judging", reminder.TextBody);
        Assert.Empty(await MailsAsync(site, "done@test.local", ReminderSubject));
        Assert.Empty(await MailsAsync(site, "conflicted@test.local", ReminderSubject));
        await site.Smtp.WaitForAsync("busy@test.local", m => m.Subject == ReminderSubject);

        var closed = await PassAtAsync(site, AfterReview.AddMinutes(1));
        Assert.Equal(0, closed.RoundsInReminderWindow);
        Assert.Empty(closed.Reminded);
        Assert.Equal(new[] { busy, done, conflicted }.Order(StringComparer.Ordinal), closed.Thanked.Select(t => t.JudgeId).Order(StringComparer.Ordinal));
        var afterClose = await PassAtAsync(site, site.Clock.GetUtcNow() + PollInterval);
        Assert.Empty(afterClose.Thanked);
        Assert.Empty(afterClose.Reminded);

        Assert.Single(await MailsAsync(site, "busy@test.local", ReminderSubject));
        var thanks = Assert.Single(await MailsAsync(site, "done@test.local", ClosedSubject));
        Assert.Contains("初赛的评审已于 2020-11-10 18:00（北京时间）截止，评分已冻结", thanks.TextBody);
        Assert.Contains("您在本轮提交了 1 件作品的评分（共分配给您 1 件）", thanks.TextBody);
        Assert.Contains("您在本轮提交了 0 件作品的评分（共分配给您 2 件）", Assert.Single(await MailsAsync(site, "busy@test.local", ClosedSubject)).TextBody);
        Assert.Single(await MailsAsync(site, "conflicted@test.local", ClosedSubject));
    }

    [Fact]
    public async Task No_reminder_goes_out_when_the_setting_is_zero()
    {
        await using var site = await SiteFactory.CreateAsync(settings: s => s["ContestSite:Judging:Mail:ReminderBefore"] = "00:00:00", now: DuringReview);
        var judge = await site.JudgeAsync("judge@test.local");
        await site.AssignDirectAsync(judge, await site.EntryAsync("作品"));

        var pass = await PassAtAsync(site, AfterReview.AddHours(-1));

        Assert.True(pass.RemindersOff);
        Assert.Empty(pass.Reminded);
        Assert.Empty(await MailsAsync(site, "judge@test.local", ReminderSubject));
        Assert.Equal(0, await site.WithDbAsync(db => db.JudgeNotices.CountAsync()));
    }

    [Fact]
    public async Task A_deadline_extended_after_the_reminder_gets_one_more_reminder_for_the_new_deadline()
    {
        await using var site = await SiteAsync();
        var judge = await site.JudgeAsync("judge@test.local");
        await site.AssignDirectAsync(judge, await site.EntryAsync("作品"));
        var roundId = (await site.FirstRoundAsync()).Id;
        Assert.Equal([judge], (await PassAtAsync(site, AfterReview.AddHours(-47))).Reminded.Select(r => r.JudgeId));

        using var organizer = await site.OrganizerAsync();
        var results = $"/admin/judging/rounds/{roundId}/results";
        var extended = await organizer.PostFormAsync(results, new Dictionary<string, string> { ["until"] = "2020-11-13T18:00", ["reason"] = "评委需要更多时间", ["confirmed"] = "true" },
            results + "?handler=ExtendReview");
        Assert.Equal(HttpStatusCode.Redirect, extended.Status);

        var sameDeadline = await PassAtAsync(site, site.Clock.GetUtcNow() + PollInterval);
        Assert.Empty(sameDeadline.Reminded);
        Assert.Equal(0, sameDeadline.RoundsInReminderWindow);
        var newDeadline = await PassAtAsync(site, AfterReview.AddDays(3).AddHours(-47));
        Assert.Equal([judge], newDeadline.Reminded.Select(r => r.JudgeId));
        var reminders = await MailsAsync(site, "judge@test.local", ReminderSubject);
        Assert.Equal(2, reminders.Count);
        Assert.Contains(reminders, m => m.TextBody.Contains("将于 2020-11-13 18:00（北京时间）截止", StringComparison.Ordinal));
        Assert.Empty((await PassAtAsync(site, site.Clock.GetUtcNow() + PollInterval)).Reminded);
    }

    [Fact]
    public async Task Closing_review_now_thanks_each_judge_once_with_the_close_and_the_job_sends_nothing_more()
    {
        await using var site = await SiteAsync();
        var first = await site.JudgeAsync("first@test.local");
        var second = await site.JudgeAsync("second@test.local");
        var entry = await site.EntryAsync("作品");
        await site.AssignDirectAsync(first, entry);
        await site.AssignDirectAsync(second, entry);
        await SubmitDirectAsync(site, first, entry);
        var roundId = (await site.FirstRoundAsync()).Id;
        using var organizer = await site.OrganizerAsync();
        var results = $"/admin/judging/rounds/{roundId}/results";

        var closed = await organizer.PostFormAsync(results, new Dictionary<string, string> { ["reason"] = "评委已全部完成", ["confirmed"] = "true" }, results + "?handler=CloseReview");

        Assert.Equal(HttpStatusCode.Redirect, closed.Status);
        Assert.Contains("您在本轮提交了 1 件作品的评分（共分配给您 1 件）", Assert.Single(await MailsAsync(site, "first@test.local", ClosedSubject)).TextBody);
        Assert.Contains("您在本轮提交了 0 件作品的评分（共分配给您 1 件）", Assert.Single(await MailsAsync(site, "second@test.local", ClosedSubject)).TextBody);
        var pass = await PassAtAsync(site, site.Clock.GetUtcNow() + PollInterval);
        Assert.Empty(pass.Thanked);
        Assert.Equal(0, pass.ClaimedElsewhere);
        Assert.Single(await MailsAsync(site, "first@test.local", ClosedSubject));
        Assert.Equal(2, await site.WithDbAsync(db => db.JudgeNotices.CountAsync(n => n.Kind == JudgeNoticeKind.ReviewClosed)));
        await site.Smtp.WaitForAsync("second@test.local", m => m.Subject == ClosedSubject);
    }

    [Fact]
    public async Task Two_nodes_running_the_reminder_pass_at_once_send_exactly_one_reminder_per_judge()
    {
        await using var first = await SiteFactory.CreateAsync(TestProvider.Postgres, now: DuringReview);
        // A second node: its own process state and folder, the same database, data-protection keys and audit folder.
        await using var second = await SiteFactory.CreateAsync(TestProvider.Postgres, now: DuringReview, settings: s =>
        {
            s["ConnectionStrings:Postgres"] = first.PostgresConnectionString;
            s["ContestSite:Audit:KeyFolder"] = Path.Combine(first.AppDataPath, "audit");
            if (!s.TryGetValue("ContestSite:AppDataPath", out var own) || own is null) return;
            var keys = Path.Combine(own, "keys");
            Directory.CreateDirectory(keys);
            foreach (var file in Directory.EnumerateFiles(Path.Combine(first.AppDataPath, "keys")))
                File.Copy(file, Path.Combine(keys, Path.GetFileName(file)));
        });
        var judges = new List<string>();
        for (var i = 0; i < 5; i++) judges.Add(await first.JudgeAsync($"judge{i}@test.local"));
        var entry = await first.EntryAsync("作品");
        foreach (var judge in judges) await first.AssignDirectAsync(judge, entry);
        var due = AfterReview.AddHours(-47);

        // Both nodes' clocks reach the reminder window together (each one's background pass fires), and each node also
        // runs three passes of its own at the same moment.
        first.Clock.SetUtcNow(due);
        second.Clock.SetUtcNow(due);
        var passes = await Task.WhenAll(new[] { first, second }.SelectMany(node => Enumerable.Range(0, 3).Select(_ => Task.Run(() => Job(node).RunOnceAsync()))));

        var reminders = await first.WithDbAsync(db => db.Outbox.AsNoTracking().Where(m => m.Subject == ReminderSubject).Select(m => m.ToAddress).ToListAsync());
        Assert.Equal(judges.Count, reminders.Count);
        Assert.Equal(judges.Count, reminders.Distinct().Count());
        Assert.Equal(judges.Count, await first.WithDbAsync(db => db.JudgeNotices.CountAsync(n => n.Kind == JudgeNoticeKind.Reminder)));
        Assert.True(passes.Sum(p => p.Reminded.Count) <= judges.Count);
        Assert.All(passes, p => Assert.Equal(1, p.RoundsInReminderWindow));
        // Afterwards both nodes look again and decide there is nothing left to send.
        foreach (var node in new[] { first, second })
        {
            var again = await Job(node).RunOnceAsync();
            Assert.Equal(1, again.RoundsInReminderWindow);
            Assert.Empty(again.Reminded);
        }
        // Either node's outbox may send them: together they deliver each once.
        int Delivered() => first.Smtp.Received.Concat(second.Smtp.Received).Count(m => m.Subject == ReminderSubject);
        await WaitUntilAsync(() =>
        {
            first.Clock.Advance(SiteFactory.OutboxPollInterval);
            second.Clock.Advance(SiteFactory.OutboxPollInterval);
            return Task.FromResult(Delivered() >= judges.Count);
        });
        Assert.Equal(judges.Count, Delivered());
    }
}
