using System.Globalization;
using System.Net;
using ContestSite.Web.Tests.Admin;
using ContestSite.Web.Tests.Infrastructure;
using ContestSite.Web.Tests.Teams;
using Microsoft.EntityFrameworkCore;

namespace ContestSite.Web.Tests.Bundles;

/// <summary>The expert committee is asked with a date to answer by: refused in the past, shown everywhere, overdue when it passes unanswered.</summary>
public sealed class OpinionDeadlineTests
{
    private static string China(DateTimeOffset moment) => moment.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    [Fact]
    public async Task Asking_the_experts_with_an_answer_date_in_the_past_is_refused_and_nothing_is_stored_audited_or_mailed()
    {
        await using var site = await TeamTestKit.SiteAsync();
        var relief = await site.DatasetAsync("低保救助对象名单");
        var (client, teamId) = await site.ApprovedTeamAsync("迟到队", "captain@example.com");
        await client.ApplyAsync(relief.Id);
        var id = await site.ApplicationIdAsync(teamId, relief.Id);
        await site.JudgeAsync("expert@example.com");
        using var organizer = await site.OrganizerAsync();

        var past = await organizer.AskExpertsAsync(id, site.Clock.GetUtcNow().AddHours(-1));
        var missing = await organizer.DecideAsync(id, "Opinion", new() { ["dueAt"] = "" });

        Assert.Equal(HttpStatusCode.OK, past.Status);
        Assert.Contains("专家答复期限须晚于现在", past.Text);
        Assert.Contains("请填写专家答复期限", missing.Text);
        var stored = await site.WithDbAsync(db => db.AccessApplications.AsNoTracking().SingleAsync(a => a.Id == id));
        Assert.Null(stored.OpinionRequestedAt);
        Assert.Null(stored.OpinionDueAt);
        Assert.Equal(0, await site.WithDbAsync(db => db.Outbox.CountAsync(m => m.ToAddress == "expert@example.com")));
        Assert.Equal(0, await site.AuditCountAsync("data.application.opinion-requested"));
    }

    [Fact]
    public async Task An_unanswered_request_past_its_date_is_overdue_in_the_inbox_on_the_application_and_on_the_experts_list()
    {
        await using var site = await TeamTestKit.SiteAsync();
        var relief = await site.DatasetAsync("低保救助对象名单");
        var (client, teamId) = await site.ApprovedTeamAsync("拖延队", "captain@example.com");
        await client.ApplyAsync(relief.Id);
        var id = await site.ApplicationIdAsync(teamId, relief.Id);
        await site.JudgeAsync("expert@example.com");
        using var expert = await site.SignedInAsync("expert@example.com");
        using var organizer = await site.OrganizerAsync();
        // The form takes whole minutes; the site's clock reads in China time here, the minutes are taken in UTC.
        var now = site.Clock.GetUtcNow().ToUniversalTime();
        var due = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, now.Minute, 0, TimeSpan.Zero).AddDays(2);

        Assert.Equal(HttpStatusCode.Redirect, (await organizer.AskExpertsAsync(id, due)).Status);
        var before = await InboxTests.InboxAsync(organizer);
        var listBefore = await expert.GetAsync("/data-applications/opinions");
        var pageBefore = await organizer.GetAsync($"/admin/data-applications/{id}");
        site.Clock.Advance(TimeSpan.FromDays(2));
        var after = await InboxTests.InboxAsync(organizer);
        var listAfter = await expert.GetAsync("/data-applications/opinions");
        var pageAfter = await organizer.GetAsync($"/admin/data-applications/{id}");

        Assert.Equal(due, await site.WithDbAsync(db => db.AccessApplications.Where(a => a.Id == id).Select(a => a.OpinionDueAt).SingleAsync()));
        Assert.Equal("等待专家意见的数据使用申请：1 项", before["data.awaiting-opinion"]);
        Assert.DoesNotContain("data.opinion-overdue", before.Keys);
        Assert.Contains($"请于 {China(due)}（北京时间）前答复", listBefore.Text);
        Assert.Contains($"答复期限：{China(due)}（北京时间）", pageBefore.Text);
        Assert.Contains($"答复期限 {China(due)}（北京时间）已过", listAfter.Text);
        Assert.Contains($"答复期限 {China(due)}（北京时间）已过，专家尚未回复。", pageAfter.Text);
        Assert.Equal("紧急 专家意见已逾期的数据使用申请：1 项", after["data.opinion-overdue"]);
        Assert.DoesNotContain("data.awaiting-opinion", after.Keys);

        await expert.PostFormAsync($"/data-applications/opinions/{id}", new Dictionary<string, string> { ["Supports"] = "true", ["Comment"] = "晚了，但用途合理" });
        var answered = await InboxTests.InboxAsync(organizer);
        Assert.DoesNotContain("data.opinion-overdue", answered.Keys);
        Assert.Equal("待审批的数据使用申请：1 项", answered["data.applications"]);
    }
}
