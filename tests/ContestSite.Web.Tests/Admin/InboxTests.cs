using System.Net;
using System.Security.Claims;
using System.Text.RegularExpressions;
using ContestSite.Core.Bundles;
using ContestSite.Core.Judging;
using ContestSite.Core.Teams;
using ContestSite.Data.Accounts;
using ContestSite.Web.Security;
using ContestSite.Web.Tests.Bundles;
using ContestSite.Web.Tests.Infrastructure;
using ContestSite.Web.Tests.Judging;
using ContestSite.Web.Tests.Teams;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static ContestSite.Web.Tests.Judging.JudgingTestKit;

namespace ContestSite.Web.Tests.Admin;

/// <summary>The organizers' to-do list on /admin: each kind of waiting work shows with its count and link, and goes once handled.</summary>
public sealed partial class InboxTests
{
    /// <summary>The inbox's lines on /admin, task key → the line's text.</summary>
    internal static async Task<Dictionary<string, string>> InboxAsync(SiteClient organizer)
    {
        var page = await organizer.GetAsync("/admin");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        return TaskLine().Matches(page.Html).ToDictionary(m => m.Groups["key"].Value, m => Regex.Replace(WebUtility.HtmlDecode(Regex.Replace(m.Groups["body"].Value, "<[^>]+>", "")), @"\s+", " ").Trim());
    }

    [GeneratedRegex("""<li class="task[^"]*" data-task="(?<key>[^"]+)">(?<body>.*?)</li>""", RegexOptions.Singleline)]
    private static partial Regex TaskLine();

    [Fact]
    public async Task Teams_to_approve_applications_to_decide_and_risk_warnings_show_until_handled()
    {
        await using var site = await TeamTestKit.SiteAsync();
        using var organizer = await site.OrganizerAsync();
        var empty = await organizer.GetAsync("/admin");
        Assert.Contains("没有等待处理的事项。", empty.Text);

        using var captain = await site.ContestantAsync("waiting-captain@test.local");
        var teamId = await captain.CreateTeamAsync(site, "待审核队");
        await captain.PostFormAsync($"/teams/{teamId}", new Dictionary<string, string>(), $"/teams/{teamId}?handler=Submit");
        var relief = await site.DatasetAsync("低保救助对象名单");
        var (applicant, applicantTeam) = await site.ApprovedTeamAsync("申请队", "applicant@test.local");
        await applicant.ApplyAsync(relief.Id);
        var applicationId = await site.ApplicationIdAsync(applicantTeam, relief.Id);
        var flagId = await site.WithDbAsync(async db =>
        {
            var flag = new RiskFlag { TeamId = applicantTeam, Reason = "24 小时内下载 3.1 GB", RaisedAt = site.Clock.GetUtcNow() };
            db.RiskFlags.Add(flag);
            await db.SaveChangesAsync();
            return flag.Id;
        });

        var waiting = await InboxAsync(organizer);
        Assert.Equal("待审核的团队：1 支", waiting["teams.awaiting-approval"]);
        Assert.Equal("待审批的数据使用申请：1 项", waiting["data.applications"]);
        Assert.Equal("紧急 未处理的数据下载风险预警：1 条", waiting["data.risk-flags"]);
        Assert.Equal("data.risk-flags", waiting.Keys.First());
        Assert.DoesNotContain("data.awaiting-opinion", waiting.Keys);
        Assert.Contains("href=\"/admin/teams?status=Submitted\"", (await organizer.GetAsync("/admin")).Html);

        // Asking the experts moves the application to "waiting for an opinion"; the opinion brings it back to decide.
        await organizer.AskExpertsAsync(applicationId, site.Clock.GetUtcNow().AddDays(5));
        var asked = await InboxAsync(organizer);
        Assert.Equal("等待专家意见的数据使用申请：1 项", asked["data.awaiting-opinion"]);
        Assert.DoesNotContain("data.applications", asked.Keys);
        await site.CreateUserAsync("expert@test.local", SiteBuilders.Password, "Judge");
        using (var expert = await site.SignedInAsync("expert@test.local"))
            await expert.PostFormAsync($"/data-applications/opinions/{applicationId}", new Dictionary<string, string> { ["Supports"] = "true", ["Comment"] = "用途合理" });
        Assert.Equal("待审批的数据使用申请：1 项", (await InboxAsync(organizer))["data.applications"]);

        Assert.Equal(HttpStatusCode.Redirect, (await organizer.PostFormAsync($"/admin/teams/{teamId}", new Dictionary<string, string>(), $"/admin/teams/{teamId}?handler=Approve")).Status);
        Assert.Equal(HttpStatusCode.Redirect, (await organizer.DecideAsync(applicationId, "Approve", new() { ["validDays"] = "30", ["assessment"] = "脱敏后风险可控" })).Status);
        Assert.Equal(HttpStatusCode.Redirect, (await organizer.PostFormAsync("/admin/data-risk", new Dictionary<string, string> { ["flagId"] = Id(flagId) }, "/admin/data-risk?handler=Clear")).Status);

        Assert.Empty(await InboxAsync(organizer));
        Assert.Contains("没有等待处理的事项。", (await organizer.GetAsync("/admin")).Text);
    }

    [Fact]
    public async Task Each_person_sees_only_the_tasks_their_permissions_let_them_handle()
    {
        await using var site = await TeamTestKit.SiteAsync();
        await site.AddTeamAsync("待审核队", status: TeamStatus.Submitted);
        var relief = await site.DatasetAsync("低保救助对象名单");
        var (applicant, applicantTeam) = await site.ApprovedTeamAsync("申请队", "applicant@test.local");
        await applicant.ApplyAsync(relief.Id);
        // A registration desk: may enter the admin area and handle teams, nothing else (no second factor is asked for it).
        await site.WithScopeAsync(async services =>
        {
            var roles = services.GetRequiredService<RoleManager<SiteRole>>();
            await roles.CreateAsync(new SiteRole { Name = "报名审核" });
            var role = (await roles.FindByNameAsync("报名审核"))!;
            await roles.AddClaimAsync(role, new Claim(PermissionPolicies.ClaimType, "admin.access"));
            await roles.AddClaimAsync(role, new Claim(PermissionPolicies.ClaimType, "teams.manage"));
        });
        await site.CreateUserAsync("desk@test.local", SiteBuilders.Password, "报名审核");
        using var desk = await site.SignedInAsync("desk@test.local");
        using var organizer = await site.OrganizerAsync();

        var theirs = await InboxAsync(desk);
        var all = await InboxAsync(organizer);
        var contestant = await applicant.GetAsync("/admin");

        Assert.Equal(["teams.awaiting-approval"], theirs.Keys.ToArray());
        Assert.Contains("data.applications", all.Keys);
        Assert.Contains("teams.awaiting-approval", all.Keys);
        Assert.NotEqual(HttpStatusCode.OK, contestant.Status);
    }

    [Fact]
    public async Task Judging_tasks_follow_the_round_from_short_of_judges_to_answered_objections()
    {
        await using var site = await JudgingTestKit.SiteAsync();
        using var organizer = await site.OrganizerAsync();
        var roundId = await site.FirstRoundIdAsync();
        var lone = await site.EntryAsync("缺评委的作品");
        var short1 = await InboxAsync(organizer);
        Assert.Equal("评委不足的作品：1 件", short1["judging.short-of-judges"]);
        Assert.Contains($"href=\"/admin/judging/rounds/{roundId}\"", (await organizer.GetAsync("/admin")).Html);
        foreach (var email in new[] { "j1@test.local", "j2@test.local", "j3@test.local" })
            await site.AssignDirectAsync(await site.JudgeAsync(email), lone);
        Assert.DoesNotContain("judging.short-of-judges", (await InboxAsync(organizer)).Keys);

        // A judge who scored and then declares a conflict makes a request for an organizer to decide.
        var entries = await site.ScoredRoundAsync();
        using (var harsh = await site.SignedInAsync("harsh@test.local"))
            await harsh.PostFormAsync("/judging", new Dictionary<string, string> { ["submissionId"] = Id(entries[2]), ["reason"] = "我指导过这个团队" }, "/judging?handler=Conflict");
        Assert.Equal("待裁定的利益冲突申请：1 项", (await InboxAsync(organizer))["judging.conflict-requests"]);
        var conflictId = await site.WithDbAsync(db => db.ConflictDeclarations.Where(c => c.Status == ConflictStatus.Requested).Select(c => c.Id).SingleAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await organizer.PostFormAsync("/admin/judging",
            new Dictionary<string, string> { ["conflictId"] = Id(conflictId), ["uphold"] = "false", ["decision"] = "关系不构成冲突" }, "/admin/judging?handler=Decide")).Status);
        Assert.DoesNotContain("judging.conflict-requests", (await InboxAsync(organizer)).Keys);

        // Review closes with the lone entry's three reviews never written: overdue, and the round waits for its results.
        site.Clock.SetUtcNow(AfterReview.AddMinutes(1));
        var closed = await InboxAsync(organizer);
        Assert.Equal("评审已截止仍未提交的评分：3 份", closed["judging.reviews-overdue"]);
        Assert.Equal("评审已截止、等待发布结果的轮次：1 个", closed["judging.results-unpublished"]);
        Assert.DoesNotContain("judging.short-of-judges", closed.Keys);

        var results = $"/admin/judging/rounds/{roundId}/results";
        Assert.Equal(HttpStatusCode.Redirect, (await organizer.PostFormAsync(results, new Dictionary<string, string> { ["confirmed"] = "true" }, results + "?handler=Publish")).Status);
        var published = await InboxAsync(organizer);
        Assert.DoesNotContain("judging.reviews-overdue", published.Keys);
        Assert.DoesNotContain("judging.results-unpublished", published.Keys);

        var captain = await site.CaptainEmailAsync(entries[1]);
        using (var team = await site.SignedInAsync(captain))
        {
            var form = await team.GetAsync($"/results/rounds/{roundId}/objections/new");
            using var raised = await team.Http.PostAsync($"/results/rounds/{roundId}/objections/new", new MultipartFormDataContent
            {
                { new StringContent(form.AntiforgeryToken ?? ""), "__RequestVerificationToken" },
                { new StringContent(Id(entries[0])), "SubmissionId" },
                { new StringContent("第一名的作品使用了未获批准的数据"), "Reason" },
            });
            Assert.Equal(HttpStatusCode.Redirect, raised.StatusCode);
        }
        var objected = await InboxAsync(organizer);
        Assert.Equal("待答复的异议：1 项", objected["judging.objections"]);
        var objectionId = await site.WithDbAsync(db => db.Objections.Select(o => o.Id).SingleAsync());
        var admin = $"/admin/judging/rounds/{roundId}/objections";
        Assert.Contains($"href=\"{admin}\"", (await organizer.GetAsync("/admin")).Html);
        Assert.Equal(HttpStatusCode.Redirect, (await organizer.PostFormAsync(admin, new Dictionary<string, string> { ["objectionId"] = Id(objectionId), ["answer"] = "已复核，数据使用已获批准。" }, admin + "?handler=Answer")).Status);

        Assert.Empty(await InboxAsync(organizer));
    }
}
