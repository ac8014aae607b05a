using System.Net;
using ContestSite.Core.Bundles;
using ContestSite.Web.Tests.Infrastructure;
using ContestSite.Web.Tests.Teams;
using Microsoft.EntityFrameworkCore;

namespace ContestSite.Web.Tests.Bundles;

/// <summary>Applying for restricted data, the experts' opinions and the organizer's decision.</summary>
public sealed class ApplicationTests
{
    [Theory]
    [InlineData(TestProvider.Sqlite)]
    [InlineData(TestProvider.Postgres)]
    public async Task An_application_without_the_agreement_or_a_purpose_is_refused_with_a_message_and_nothing_is_saved(TestProvider provider)
    {
        await using var site = await TeamTestKit.SiteAsync(provider);
        var relief = await site.DatasetAsync("低保救助对象名单");
        var (client, _) = await site.ApprovedTeamAsync("急躁队", "captain@example.com");

        var noAgreement = await client.ApplyAsync(relief.Id, agree: false);
        var noPurpose = await client.ApplyAsync(relief.Id, purpose: "  ");

        Assert.Contains("请阅读并同意数据使用协议", noAgreement.Text);
        Assert.Contains("请说明数据的用途", noPurpose.Text);
        Assert.Equal(0, await site.WithDbAsync(db => db.AccessApplications.CountAsync()));
    }

    [Fact]
    public async Task An_application_for_open_data_is_refused_and_a_second_pending_one_too()
    {
        await using var site = await TeamTestKit.SiteAsync();
        var open = await site.DatasetAsync("公交站点", Core.Catalog.OpenType.Unconditional);
        var relief = await site.DatasetAsync("低保救助对象名单");
        var (client, teamId) = await site.ApprovedTeamAsync("重复队", "captain@example.com");

        var forOpen = await client.ApplyAsync(open.Id);
        await client.ApplyAsync(relief.Id);
        var again = await client.ApplyAsync(relief.Id);

        Assert.Contains("无须申请", forOpen.Text);
        Assert.Contains("已有一份待审核的申请", again.Text);
        Assert.Equal(1, await site.WithDbAsync(db => db.AccessApplications.CountAsync(a => a.TeamId == teamId)));
    }

    [Theory]
    [InlineData(TestProvider.Sqlite)]
    [InlineData(TestProvider.Postgres)]
    public async Task The_organizer_asks_the_experts_a_judge_gives_an_opinion_and_the_organizer_rejects_with_a_reason(TestProvider provider)
    {
        await using var site = await TeamTestKit.SiteAsync(provider);
        var relief = await site.DatasetAsync("低保救助对象名单");
        var (client, teamId) = await site.ApprovedTeamAsync("审慎队", "captain@example.com");
        await client.ApplyAsync(relief.Id);
        var id = await site.ApplicationIdAsync(teamId, relief.Id);
        await site.CreateUserAsync("judge@example.com", SiteBuilders.Password, "Judge");
        using var judge = site.CreateSiteClient();
        await site.SignInAsync(judge, "judge@example.com", SiteBuilders.Password);
        using var organizer = await site.OrganizerAsync();

        var beforeAsked = await judge.GetAsync($"/data-applications/opinions/{id}");
        await organizer.AskExpertsAsync(id, site.Clock.GetUtcNow().AddDays(5));
        var list = await judge.GetAsync("/data-applications/opinions");
        var opinion = await judge.PostFormAsync($"/data-applications/opinions/{id}", new Dictionary<string, string> { ["Supports"] = "false", ["Comment"] = "用途与救助名单无关" });
        var detail = await organizer.GetAsync($"/admin/data-applications/{id}");
        var noReason = await organizer.DecideAsync(id, "Reject");
        var rejected = await organizer.DecideAsync(id, "Reject", new() { ["reason"] = "用途不需要个人信息" });
        var teamPage = await client.GetAsync("/bundles");

        Assert.Equal(HttpStatusCode.NotFound, beforeAsked.Status);
        Assert.Contains("低保救助对象名单", list.Text);
        Assert.Equal(HttpStatusCode.Redirect, opinion.Status);
        Assert.Contains("用途与救助名单无关", detail.Text);
        Assert.Contains("请填写不批准的原因", noReason.Text);
        Assert.Equal(HttpStatusCode.Redirect, rejected.Status);
        Assert.Contains("用途不需要个人信息", teamPage.Text);
        var mail = await site.Smtp.WaitForAsync("captain@example.com", m => m.Subject?.Contains("数据使用申请结果", StringComparison.Ordinal) == true);
        Assert.Contains("用途不需要个人信息", mail.TextBody);
        Assert.Equal(ApplicationStatus.Rejected, await site.WithDbAsync(db => db.AccessApplications.Where(a => a.Id == id).Select(a => a.Status).SingleAsync()));
        foreach (var action in new[] { "data.application.submitted", "data.application.opinion-requested", "data.application.rejected" })
            Assert.True(await site.AuditedAsync(action, "ok", teamId, relief.Id), action);
        Assert.True(await site.AuditedAsync("data.application.opinion", "opposes", teamId, relief.Id));
    }

    [Fact]
    public async Task A_contestant_cannot_decide_applications_nor_give_opinions()
    {
        await using var site = await TeamTestKit.SiteAsync();
        var relief = await site.DatasetAsync("低保救助对象名单");
        var (client, teamId) = await site.ApprovedTeamAsync("越权队", "captain@example.com");
        await client.ApplyAsync(relief.Id);
        var id = await site.ApplicationIdAsync(teamId, relief.Id);

        var admin = await client.GetAsync($"/admin/data-applications/{id}");
        var opinions = await client.GetAsync("/data-applications/opinions");

        Assert.NotEqual(HttpStatusCode.OK, admin.Status);
        Assert.NotEqual(HttpStatusCode.OK, opinions.Status);
        Assert.Equal(ApplicationStatus.Pending, await site.WithDbAsync(db => db.AccessApplications.Where(a => a.Id == id).Select(a => a.Status).SingleAsync()));
    }

    [Fact]
    public async Task Data_with_sensitive_fields_or_at_L3_is_approved_only_with_an_expert_opinion_and_a_security_assessment()
    {
        await using var site = await TeamTestKit.SiteAsync();
        var relief = await site.DatasetAsync("低保救助对象名单");
        var plain = await site.DatasetAsync("社区活动场地");
        var graded = await site.DatasetAsync("住房公积金缴存统计");
        await site.WithDbAsync(db => db.DatasetFields.Where(f => f.DatasetId == plain.Id || f.DatasetId == graded.Id).ExecuteUpdateAsync(s => s.SetProperty(f => f.IsSensitive, false)));
        await site.WithDbAsync(db => db.Datasets.Where(d => d.Id == graded.Id).ExecuteUpdateAsync(s => s.SetProperty(d => d.SensitivityLevel, 3)));
        var (client, teamId) = await site.ApprovedTeamAsync("审慎队", "captain@example.com");
        foreach (var dataset in new[] { relief.Id, plain.Id, graded.Id }) await client.ApplyAsync(dataset);
        var (reliefId, plainId, gradedId) = (await site.ApplicationIdAsync(teamId, relief.Id), await site.ApplicationIdAsync(teamId, plain.Id), await site.ApplicationIdAsync(teamId, graded.Id));
        using var organizer = await site.OrganizerAsync();
        Dictionary<string, string> Approval(string? assessment = null) => assessment is null ? new() { ["validDays"] = "30" } : new() { ["validDays"] = "30", ["assessment"] = assessment };

        var noOpinion = await organizer.DecideAsync(reliefId, "Approve", Approval("风险可控"));
        await organizer.AskExpertsAsync(reliefId, site.Clock.GetUtcNow().AddDays(5));
        var askedNotAnswered = await organizer.DecideAsync(reliefId, "Approve", Approval("风险可控"));
        var gradedNoOpinion = await organizer.DecideAsync(gradedId, "Approve", Approval("风险可控"));
        await site.ExpertOpinionAsync(reliefId);
        var noAssessment = await organizer.DecideAsync(reliefId, "Approve", Approval("   "));

        foreach (var refused in new[] { noOpinion, askedNotAnswered, gradedNoOpinion })
            Assert.Contains("该数据集为 L3 级或含敏感字段，须先征求专家委员会意见，收到至少一位专家的意见后才能批准", refused.Text);
        Assert.Contains("该数据集为 L3 级或含敏感字段，批准前须填写安全评估结论", noAssessment.Text);
        Assert.Equal(3, await site.WithDbAsync(db => db.AccessApplications.CountAsync(a => a.Status == ApplicationStatus.Pending)));
        Assert.Equal(0, await site.AuditCountAsync("data.application.approved"));

        var approved = await organizer.DecideAsync(reliefId, "Approve", Approval("敏感字段全部脱敏，风险可控"));
        var plainApproved = await organizer.DecideAsync(plainId, "Approve", Approval());

        Assert.Equal(HttpStatusCode.Redirect, approved.Status);
        Assert.Equal(HttpStatusCode.Redirect, plainApproved.Status);
        var stored = await site.WithDbAsync(db => db.AccessApplications.AsNoTracking().SingleAsync(a => a.Id == reliefId));
        Assert.Equal((ApplicationStatus.Approved, "敏感字段全部脱敏，风险可控"), (stored.Status, stored.SecurityAssessment));
        var audited = await site.WithDbAsync(db => db.AuditEntries.AsNoTracking().SingleAsync(e => e.Action == "data.application.approved" && e.Subject == $"application:{reliefId}"));
        Assert.Contains("安全评估：敏感字段全部脱敏，风险可控", audited.Detail);
        Assert.Contains("敏感字段全部脱敏，风险可控", (await organizer.GetAsync($"/admin/data-applications/{reliefId}")).Text);
    }
}
