using System.Net;
using ContestSite.Core.Bundles;
using ContestSite.Core.Catalog;
using ContestSite.Web.Tests.Infrastructure;
using ContestSite.Web.Tests.Teams;
using Microsoft.EntityFrameworkCore;

namespace ContestSite.Web.Tests.Bundles;

/// <summary>
/// 应急处置 (issue 19, item 5): a stop refuses the data by every route at once, suspends live approvals, mails the teams
/// and the organizers, is lifted only with a reason, and suspended approvals are then restored or revoked one by one.
/// </summary>
public sealed class EmergencyStopTests
{
    private sealed record Scene(SiteFactory Site, TestTeam Team, BundleTestKit.Data Relief, BundleTestKit.Data Open, int ApplicationId, SiteClient Organizer)
        : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            Organizer.Dispose();
            Team.Dispose();
            await Site.DisposeAsync();
        }
    }

    /// <summary>A team holding a live approval for a restricted dataset; an open dataset; both in the team's bundle.</summary>
    private static async Task<Scene> SceneAsync(TestProvider provider = TestProvider.Sqlite)
    {
        var site = await TeamTestKit.SiteAsync(provider);
        var relief = await site.DatasetAsync("低保救助对象名单");
        await site.SetRulesAsync(relief.Id);
        var open = await site.DatasetAsync("公交站点", OpenType.Unconditional, "站名,区域\n武林广场,拱墅区\n", "stops.csv");
        await site.WithDbAsync(db => db.DatasetFields.Where(f => f.DatasetId == open.Id).ExecuteUpdateAsync(s => s.SetProperty(f => f.IsSensitive, false)));
        var team = await site.ApprovedTeamAsync("救助地图队", "captain@example.com");
        await site.PutInBundleAsync(await site.TrackIdAsync(), relief.Id, open.Id);
        var applicationId = await site.ApprovedApplicationAsync(team.Captain, team.Id, relief.Id);
        return new Scene(site, team, relief, open, applicationId, await site.OrganizerAsync());
    }

    private static string FileUrl(BundleTestKit.Data data) => $"/datasets/{data.Id}/files/{data.FileId}";

    [Fact]
    public async Task A_stop_of_a_dataset_refuses_its_files_and_its_place_in_the_bundle_suspends_the_approval_and_mails_team_and_organizers_once()
    {
        await using var scene = await SceneAsync();
        var (site, team, relief) = (scene.Site, scene.Team, scene.Relief);
        Assert.Equal(HttpStatusCode.OK, (await team.Captain.Http.GetAsync(FileUrl(relief))).StatusCode);

        var started = await scene.Organizer.StartStopAsync(relief.Id);

        Assert.Equal(HttpStatusCode.Redirect, started.Status);
        var incidentId = await site.OpenIncidentIdAsync();
        Assert.Equal($"/admin/incidents/{incidentId}", started.Location?.OriginalString);
        foreach (var member in new[] { team.Captain, team.Member })
        {
            using var refused = await member.Http.GetAsync(FileUrl(relief));
            Assert.Equal((HttpStatusCode)423, refused.StatusCode);
            Assert.Contains("应急处置", await refused.Content.ReadAsStringAsync());
        }
        var zip = await team.Captain.DownloadBundleAsync();
        Assert.Contains("应急处置", zip.ManifestDataset(relief.Id).GetProperty("notIncluded").GetString());
        Assert.DoesNotContain(zip.Names, n => n.Contains("people.csv", StringComparison.Ordinal));
        Assert.Contains(zip.Names, n => n.EndsWith("stops.csv", StringComparison.Ordinal));

        var application = await site.ApplicationAsync(scene.ApplicationId);
        Assert.Equal(ApplicationStatus.Suspended, application.Status);
        Assert.Equal(incidentId, application.SuspendedByIncidentId);
        Assert.True(await site.AuditedAsync("data.incident-started", "ok", datasetId: relief.Id));
        Assert.True(await site.AuditedAsync("data.application-suspended", "ok", team.Id, relief.Id));
        Assert.True(await site.AuditedAsync("catalog.download", "refused", team.Id, relief.Id));

        // One mail to each member of the team and one to each person who handles data, through the real SMTP server.
        string[] members = ["captain@example.com", await MemberEmailAsync(site, team.Id)];
        Assert.Equal(members.Order(StringComparer.Ordinal), await site.OutboxRecipientsAsync(EmergencyStopTestKit.TeamMailSubject));
        var mail = await site.Smtp.WaitForAsync("captain@example.com", m => m.Subject?.StartsWith(EmergencyStopTestKit.TeamMailSubject, StringComparison.Ordinal) == true);
        Assert.Contains("低保救助对象名单", mail.TextBody);
        Assert.DoesNotContain("网上出现疑似", mail.TextBody);
        Assert.Equal([SiteFactory.OrganizerEmail], await site.OutboxRecipientsAsync(EmergencyStopTestKit.OrganizerMailSubject));
        var organizerMail = await site.Smtp.WaitForAsync(SiteFactory.OrganizerEmail, m => m.Subject?.StartsWith(EmergencyStopTestKit.OrganizerMailSubject, StringComparison.Ordinal) == true);
        Assert.Contains("网上出现疑似来自该数据的样本", organizerMail.TextBody);
        Assert.Contains($"http://contest.test/admin/incidents/{incidentId}", organizerMail.TextBody);
    }

    private static Task<string> MemberEmailAsync(SiteFactory site, int teamId) =>
        site.WithDbAsync(db => db.TeamMembers.Where(m => m.TeamId == teamId).Join(db.Users, m => m.UserId, u => u.Id, (m, u) => u.Email!)
            .Where(e => e != "captain@example.com").SingleAsync());

    [Fact]
    public async Task The_public_page_and_the_team_bundle_page_say_access_is_suspended_without_the_reason_and_offer_no_link()
    {
        await using var scene = await SceneAsync();
        await scene.Organizer.StartStopAsync(scene.Relief.Id);
        using var visitor = scene.Site.CreateSiteClient();

        foreach (var page in new[] { await visitor.GetAsync($"/datasets/{scene.Relief.Id}"), await scene.Team.Captain.GetAsync($"/datasets/{scene.Relief.Id}") })
        {
            Assert.Equal(HttpStatusCode.OK, page.Status);
            Assert.Contains("访问已暂停", page.Text);
            Assert.DoesNotContain(FileUrl(scene.Relief), page.Html);
            Assert.DoesNotContain("网上出现疑似", page.Text);
        }
        var bundles = await scene.Team.Captain.GetAsync("/bundles");
        Assert.Contains("访问已暂停", bundles.Text);
        Assert.Contains("已暂停（应急处置）", bundles.Text);
        Assert.DoesNotContain("访问已暂停", (await visitor.GetAsync($"/datasets/{scene.Open.Id}")).Text);
    }

    [Fact]
    public async Task A_stop_of_an_open_dataset_refuses_its_file_to_everyone_organizers_included()
    {
        await using var scene = await SceneAsync();
        Assert.Equal(HttpStatusCode.OK, (await scene.Organizer.Http.GetAsync(FileUrl(scene.Open))).StatusCode);

        await scene.Organizer.StartStopAsync(scene.Open.Id);

        foreach (var client in new[] { scene.Organizer, scene.Team.Captain })
            Assert.Equal((HttpStatusCode)423, (await client.Http.GetAsync(FileUrl(scene.Open))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await scene.Team.Captain.Http.GetAsync(FileUrl(scene.Relief))).StatusCode);
        Assert.Equal(ApplicationStatus.Approved, (await scene.Site.ApplicationAsync(scene.ApplicationId)).Status);
    }

    [Fact]
    public async Task Stopping_all_restricted_data_refuses_restricted_files_and_leaves_open_data_served()
    {
        await using var scene = await SceneAsync();

        var started = await scene.Organizer.StartStopAsync(null);

        Assert.Equal(HttpStatusCode.Redirect, started.Status);
        Assert.Null(await scene.Site.WithDbAsync(db => db.DataIncidents.Select(i => i.DatasetId).SingleAsync()));
        Assert.Equal((HttpStatusCode)423, (await scene.Team.Captain.Http.GetAsync(FileUrl(scene.Relief))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await scene.Team.Captain.Http.GetAsync(FileUrl(scene.Open))).StatusCode);
        Assert.Equal(ApplicationStatus.Suspended, (await scene.Site.ApplicationAsync(scene.ApplicationId)).Status);
        Assert.Contains("全部受限开放数据", (await scene.Organizer.GetAsync("/admin/incidents")).Text);
    }

    [Fact]
    public async Task A_stop_without_a_reason_or_without_the_confirmation_is_refused_and_nothing_stops()
    {
        await using var scene = await SceneAsync();

        var noReason = await scene.Organizer.StartStopAsync(scene.Relief.Id, reason: " ");
        var unconfirmed = await scene.Organizer.StartStopAsync(scene.Relief.Id, confirmed: false);

        Assert.Contains("请填写暂停数据服务的原因", noReason.Text);
        Assert.Contains("请勾选确认", unconfirmed.Text);
        Assert.Equal(0, await scene.Site.IncidentCountAsync());
        Assert.Equal(ApplicationStatus.Approved, (await scene.Site.ApplicationAsync(scene.ApplicationId)).Status);
        Assert.Equal(HttpStatusCode.OK, (await scene.Team.Captain.Http.GetAsync(FileUrl(scene.Relief))).StatusCode);
    }

    [Fact]
    public async Task Starting_the_same_stop_twice_is_refused_and_leaves_one_incident()
    {
        await using var scene = await SceneAsync();
        await scene.Organizer.StartStopAsync(scene.Relief.Id);

        var again = await scene.Organizer.StartStopAsync(scene.Relief.Id);

        Assert.Contains("该范围已有一项未解除的应急处置", again.Text);
        Assert.Equal(1, await scene.Site.IncidentCountAsync());
    }

    [Fact]
    public async Task Approving_an_application_for_a_stopped_dataset_is_refused_and_it_stays_pending()
    {
        await using var scene = await SceneAsync();
        var other = await scene.Site.ApprovedTeamAsync("第二队", "second@example.com");
        Assert.Equal(HttpStatusCode.Redirect, (await other.Captain.ApplyAsync(scene.Relief.Id)).Status);
        var pending = await scene.Site.ApplicationIdAsync(other.Id, scene.Relief.Id);
        await scene.Site.ExpertOpinionAsync(pending);
        await scene.Organizer.StartStopAsync(scene.Relief.Id);

        var approved = await scene.Organizer.DecideAsync(pending, "Approve", new() { ["validDays"] = "30", ["assessment"] = "风险可控" });

        Assert.Contains("该数据集正处于应急处置中，暂停批准新的使用申请", approved.Text);
        var application = await scene.Site.ApplicationAsync(pending);
        Assert.Equal(ApplicationStatus.Pending, application.Status);
        Assert.Null(application.ExpiresAt);
        Assert.False(await scene.Site.AuditedAsync("data.application.approved", "ok", other.Id));
        other.Dispose();
    }

    [Fact]
    public async Task Lifting_without_a_reason_is_refused_and_the_stop_holds()
    {
        await using var scene = await SceneAsync();
        await scene.Organizer.StartStopAsync(scene.Relief.Id);
        var incidentId = await scene.Site.OpenIncidentIdAsync();

        var lifted = await scene.Organizer.LiftAsync(incidentId, reason: "  ");

        Assert.Contains("请填写解除的原因", lifted.Text);
        var incident = await scene.Site.WithDbAsync(db => db.DataIncidents.SingleAsync(i => i.Id == incidentId));
        Assert.Null(incident.LiftedAt);
        Assert.NotNull(incident.OpenScope);
        Assert.False(await scene.Site.AuditedAsync("data.incident-lifted", "ok"));
        Assert.Equal((HttpStatusCode)423, (await scene.Team.Captain.Http.GetAsync(FileUrl(scene.Relief))).StatusCode);
    }

    [Fact]
    public async Task A_contestant_a_judge_or_a_visitor_cannot_start_or_lift_a_stop()
    {
        await using var scene = await SceneAsync();
        await scene.Organizer.StartStopAsync(scene.Open.Id);
        var incidentId = await scene.Site.OpenIncidentIdAsync();
        await scene.Site.JudgeAsync("judge@example.com");
        using var judge = await scene.Site.SignedInAsync("judge@example.com");
        using var visitor = scene.Site.CreateSiteClient();
        // A token from a page each of them may open: the refusal must come from the permission, not the antiforgery check.
        foreach (var client in new[] { scene.Team.Captain, judge, visitor })
        {
            var token = (await client.GetAsync("/account/login")).AntiforgeryToken ?? (await client.GetAsync("/teams/mine")).AntiforgeryToken ?? "";
            var start = await client.PostAsync(EmergencyStopTestKit.StartPage(scene.Relief.Id), new Dictionary<string, string>
                { ["What"] = "x", ["Reason"] = "y", ["Confirmed"] = "true", ["DatasetId"] = scene.Relief.Id.ToString(), ["__RequestVerificationToken"] = token });
            var lift = await client.PostAsync($"/admin/incidents/{incidentId}?handler=Lift", new Dictionary<string, string> { ["reason"] = "z", ["__RequestVerificationToken"] = token });
            var page = await client.GetAsync("/admin/incidents");

            foreach (var refused in new[] { start, lift, page })
                Assert.True(refused.Status is HttpStatusCode.Forbidden or HttpStatusCode.Redirect or HttpStatusCode.BadRequest, $"answered {refused.Status}");
            Assert.NotEqual("/admin/incidents", page.Location?.OriginalString);
        }
        Assert.Equal(1, await scene.Site.IncidentCountAsync());
        Assert.Null(await scene.Site.WithDbAsync(db => db.DataIncidents.Select(i => i.LiftedAt).SingleAsync()));
        Assert.Equal(ApplicationStatus.Approved, (await scene.Site.ApplicationAsync(scene.ApplicationId)).Status);
    }

    [Fact]
    public async Task After_the_lift_the_organizer_restores_the_approval_the_team_is_mailed_and_downloads_again()
    {
        await using var scene = await SceneAsync();
        await scene.Organizer.StartStopAsync(scene.Relief.Id);
        var incidentId = await scene.Site.OpenIncidentIdAsync();

        var early = await scene.Organizer.RestoreAsync(incidentId, scene.ApplicationId);
        Assert.Contains("应急处置尚未解除，不能恢复许可", early.Text);
        Assert.Equal(ApplicationStatus.Suspended, (await scene.Site.ApplicationAsync(scene.ApplicationId)).Status);

        Assert.Equal(HttpStatusCode.Redirect, (await scene.Organizer.LiftAsync(incidentId)).Status);
        Assert.True(await scene.Site.AuditedAsync("data.incident-lifted", "ok", datasetId: scene.Relief.Id));
        // Lifted, not yet restored: the data is served again, but not to a team whose approval is still suspended.
        var waiting = await scene.Team.Captain.Http.GetAsync(FileUrl(scene.Relief));
        Assert.Equal(HttpStatusCode.Redirect, waiting.StatusCode);
        Assert.Contains("使用许可因应急处置暂停", (await scene.Team.Captain.GetAsync($"/datasets/{scene.Relief.Id}")).Text);
        Assert.Contains("因应急处置暂停、待恢复或撤销的数据使用许可：1 项", (await scene.Organizer.GetAsync("/admin")).Text);

        var restored = await scene.Organizer.RestoreAsync(incidentId, scene.ApplicationId);

        Assert.Equal(HttpStatusCode.Redirect, restored.Status);
        Assert.Equal(ApplicationStatus.Approved, (await scene.Site.ApplicationAsync(scene.ApplicationId)).Status);
        Assert.True(await scene.Site.AuditedAsync("data.application-restored", "ok", scene.Team.Id, scene.Relief.Id));
        var mail = await scene.Site.Smtp.WaitForAsync("captain@example.com", m => m.Subject == "数据使用许可已恢复：低保救助对象名单");
        Assert.Contains("许可已恢复", mail.TextBody);
        Assert.Equal(HttpStatusCode.OK, (await scene.Team.Captain.Http.GetAsync(FileUrl(scene.Relief))).StatusCode);
        Assert.DoesNotContain("待恢复或撤销的数据使用许可", (await scene.Organizer.GetAsync("/admin")).Text);
    }

    [Fact]
    public async Task Restoring_an_approval_that_expired_during_the_stop_is_refused_and_it_stays_suspended()
    {
        await using var scene = await SceneAsync();
        await scene.Organizer.StartStopAsync(scene.Relief.Id);
        var incidentId = await scene.Site.OpenIncidentIdAsync();
        await scene.Organizer.LiftAsync(incidentId);
        scene.Site.Clock.Advance(TimeSpan.FromDays(31));
        using var organizer = await scene.Site.OrganizerAsync(); // signed in afresh: a month later the old sign-in has expired

        var restored = await organizer.RestoreAsync(incidentId, scene.ApplicationId);

        Assert.Contains("不能恢复；团队可以重新申请", restored.Text);
        Assert.Equal(ApplicationStatus.Suspended, (await scene.Site.ApplicationAsync(scene.ApplicationId)).Status);
        Assert.False(await scene.Site.AuditedAsync("data.application-restored", "ok"));
        Assert.Empty(await scene.Site.OutboxRecipientsAsync("数据使用许可已恢复"));
    }

    [Fact]
    public async Task Restoring_while_another_open_stop_covers_the_dataset_is_refused()
    {
        await using var scene = await SceneAsync();
        await scene.Organizer.StartStopAsync(scene.Relief.Id);
        var first = await scene.Site.OpenIncidentIdAsync();
        await scene.Organizer.StartStopAsync(null, what: "全省数据安全检查");
        await scene.Organizer.LiftAsync(first);

        var restored = await scene.Organizer.RestoreAsync(first, scene.ApplicationId);

        Assert.Contains("该数据集仍处于另一项未解除的应急处置中", restored.Text);
        Assert.Equal(ApplicationStatus.Suspended, (await scene.Site.ApplicationAsync(scene.ApplicationId)).Status);
        Assert.Equal((HttpStatusCode)423, (await scene.Team.Captain.Http.GetAsync(FileUrl(scene.Relief))).StatusCode);
    }

    [Fact]
    public async Task Revoking_a_suspended_approval_ends_it_for_good_and_the_team_is_told()
    {
        await using var scene = await SceneAsync();
        await scene.Organizer.StartStopAsync(scene.Relief.Id);
        var incidentId = await scene.Site.OpenIncidentIdAsync();
        await scene.Organizer.LiftAsync(incidentId);

        var revoked = await scene.Organizer.RevokeSuspendedAsync(incidentId, scene.ApplicationId, "核查发现团队违规转发数据");

        Assert.Equal(HttpStatusCode.Redirect, revoked.Status);
        Assert.Equal(ApplicationStatus.Revoked, (await scene.Site.ApplicationAsync(scene.ApplicationId)).Status);
        var again = await scene.Organizer.RestoreAsync(incidentId, scene.ApplicationId);
        Assert.Contains("该许可不是被这项应急处置暂停的，或已经处理过了", again.Text);
        Assert.Equal(ApplicationStatus.Revoked, (await scene.Site.ApplicationAsync(scene.ApplicationId)).Status);
        await scene.Site.Smtp.WaitForAsync("captain@example.com", m => m.TextBody?.Contains("核查发现团队违规转发数据", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task The_incident_pages_and_the_dataset_admin_page_show_the_stop()
    {
        await using var scene = await SceneAsync();
        var confirm = await scene.Organizer.GetAsync(EmergencyStopTestKit.StartPage(scene.Relief.Id));
        Assert.Contains("有效期内的使用许可 1 项（涉及 1 个团队）将被暂停", confirm.Text);
        Assert.Contains("数据集“低保救助对象名单”", confirm.Text);
        var restricted = await scene.Site.WithDbAsync(db => db.Datasets.CountAsync(d => d.OpenType == OpenType.Restricted));
        Assert.Contains($"全部受限开放数据（{restricted} 个数据集）", (await scene.Organizer.GetAsync(EmergencyStopTestKit.StartPage(null))).Text);
        Assert.Contains($"/admin/incidents/start?datasetId={scene.Relief.Id}", (await scene.Organizer.GetAsync($"/admin/datasets/{scene.Relief.Id}")).Html);

        await scene.Organizer.StartStopAsync(scene.Relief.Id, what: "样本外泄");
        var incidentId = await scene.Site.OpenIncidentIdAsync();

        var list = await scene.Organizer.GetAsync("/admin/incidents");
        Assert.Contains("样本外泄", list.Text);
        var details = await scene.Organizer.GetAsync($"/admin/incidents/{incidentId}");
        Assert.Contains("救助地图队", details.Text);
        Assert.Contains("网上出现疑似来自该数据的样本", details.Text);
        Assert.Contains("该数据集正处于应急处置中", (await scene.Organizer.GetAsync($"/admin/datasets/{scene.Relief.Id}")).Text);
    }
}
