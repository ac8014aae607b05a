using System.Net;
using ContestSite.Core.Bundles;
using ContestSite.Web.Bundles.Incidents;
using ContestSite.Web.Bundles.UseCases;
using ContestSite.Web.Tests.Infrastructure;
using ContestSite.Web.Tests.Teams;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ContestSite.Web.Tests.Bundles;

/// <summary>Emergency stops on PostgreSQL: a second node refuses at once, and simultaneous decisions cannot slip past a stop.</summary>
public sealed class EmergencyStopNodeTests
{
    [Fact]
    public async Task A_second_node_on_the_same_database_refuses_the_data_as_soon_as_the_first_node_starts_the_stop()
    {
        await using var first = await TeamTestKit.SiteAsync(TestProvider.Postgres);
        var relief = await first.DatasetAsync("低保救助对象名单");
        await first.SetRulesAsync(relief.Id);
        var (captain, teamId) = await first.ApprovedTeamAsync("救助地图队", "captain@example.com");
        await first.ApprovedApplicationAsync(captain, teamId, relief.Id);
        // A second node: the same database and data-protection keys (so the captain's sign-in cookie holds there too),
        // and the stored files, as nodes sharing storage would have.
        await using var second = await SiteFactory.CreateAsync(TestProvider.Postgres, now: first.Clock.GetUtcNow(), settings: s =>
        {
            s["ConnectionStrings:Postgres"] = first.PostgresConnectionString;
            s["ContestSite:Audit:KeyFolder"] = Path.Combine(first.AppDataPath, "audit");
            if (!s.TryGetValue("ContestSite:AppDataPath", out var own) || own is null) return;
            CopyFolder(Path.Combine(first.AppDataPath, "keys"), Path.Combine(own, "keys"));
            CopyFolder(Path.Combine(first.AppDataPath, "files"), Path.Combine(own, "files"));
        });
        using var onSecond = second.CreateSiteClient();
        await onSecond.SignInAsync("captain@example.com", SiteBuilders.Password);
        var url = $"/datasets/{relief.Id}/files/{relief.FileId}";
        Assert.Equal(HttpStatusCode.OK, (await onSecond.Http.GetAsync(url)).StatusCode);

        using var organizer = await first.OrganizerAsync();
        Assert.Equal(HttpStatusCode.Redirect, (await organizer.StartStopAsync(relief.Id)).Status);

        using var refused = await onSecond.Http.GetAsync(url);
        Assert.Equal((HttpStatusCode)423, refused.StatusCode);
        Assert.Contains("应急处置", await refused.Content.ReadAsStringAsync());
        Assert.Contains("访问已暂停", (await onSecond.GetAsync($"/datasets/{relief.Id}")).Text);
        Assert.Equal(ApplicationStatus.Suspended, await second.WithDbAsync(db => db.AccessApplications.Where(a => a.TeamId == teamId).Select(a => a.Status).SingleAsync()));
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: true);
        }
    }

    [Fact]
    public async Task An_approval_decided_at_the_same_instant_as_the_stop_never_ends_approved()
    {
        await using var site = await TeamTestKit.SiteAsync(TestProvider.Postgres);
        var relief = await site.DatasetAsync("低保救助对象名单");
        var organizerId = await site.OrganizerIdAsync();
        var outcomes = new List<(bool Approved, bool Stopped)>();
        for (var round = 0; round < 6; round++)
        {
            var team = await site.ApprovedTeamAsync($"竞速队{round}", $"racer{round}@example.com");
            Assert.Equal(HttpStatusCode.Redirect, (await team.Captain.ApplyAsync(relief.Id)).Status);
            var applicationId = await site.ApplicationIdAsync(team.Id, relief.Id);
            await site.ExpertOpinionAsync(applicationId);
            using var ready = new Barrier(2);

            var approve = Task.Run(async () =>
            {
                using var scope = site.Services.CreateScope();
                var decide = scope.ServiceProvider.GetRequiredService<DecideApplication>();
                ready.SignalAndWait();
                return await decide.ApproveAsync(applicationId, organizerId, 30, null, "风险可控");
            });
            var stop = Task.Run(async () =>
            {
                using var scope = site.Services.CreateScope();
                var start = scope.ServiceProvider.GetRequiredService<StartIncident>();
                ready.SignalAndWait();
                return await start.RunAsync(relief.Id, "并发演练", "同时批准与暂停", true, organizerId, "organizer");
            });
            var (approved, stopped) = (await approve, await stop);

            var application = await site.WithDbAsync(db => db.AccessApplications.AsNoTracking().SingleAsync(a => a.Id == applicationId));
            Assert.True(stopped.Result.Allowed, stopped.Result.Message);
            Assert.NotEqual(ApplicationStatus.Approved, application.Status);
            // Either the approval went first and the stop suspended it, or the stop went first and the approval was refused.
            Assert.Equal(approved.Allowed ? ApplicationStatus.Suspended : ApplicationStatus.Pending, application.Status);
            outcomes.Add((approved.Allowed, stopped.Result.Allowed));

            using var organizer = await site.OrganizerAsync();
            Assert.Equal(HttpStatusCode.Redirect, (await organizer.LiftAsync(stopped.IncidentId!.Value)).Status);
            team.Dispose();
        }
        Assert.Equal(6, outcomes.Count);
    }

    [Fact]
    public async Task Two_organizers_starting_the_same_stop_at_once_make_one_incident_and_one_set_of_mails()
    {
        await using var site = await TeamTestKit.SiteAsync(TestProvider.Postgres);
        var relief = await site.DatasetAsync("低保救助对象名单");
        await site.SetRulesAsync(relief.Id);
        var (captain, teamId) = await site.ApprovedTeamAsync("救助地图队", "captain@example.com");
        await site.ApprovedApplicationAsync(captain, teamId, relief.Id);
        var organizerId = await site.OrganizerIdAsync();

        foreach (var scope in new Guid?[] { relief.Id, null })
        {
            using var ready = new Barrier(4);
            var starts = await Task.WhenAll(Enumerable.Range(0, 4).Select(i => Task.Run(async () =>
            {
                using var services = site.Services.CreateScope();
                var start = services.ServiceProvider.GetRequiredService<StartIncident>();
                ready.SignalAndWait();
                return await start.RunAsync(scope, $"事件{i}", "同时发起", true, organizerId, "organizer");
            })));

            Assert.Single(starts, s => s.Result.Allowed);
            Assert.All(starts.Where(s => !s.Result.Allowed), s => Assert.Equal(DataIncidentRules.AlreadyOpenMessage, s.Result.Message));
            Assert.Equal(1, await site.WithDbAsync(db => db.DataIncidents.CountAsync(i => i.DatasetId == scope)));
        }
        // The approval was suspended by the first stop only; its team was mailed once.
        var mailed = await site.OutboxRecipientsAsync(EmergencyStopTestKit.TeamMailSubject);
        Assert.Equal(2, mailed.Count);
        Assert.Equal(mailed.Distinct().Count(), mailed.Count);
        Assert.Contains("captain@example.com", mailed);
        Assert.Equal(1, await site.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Action == "data.application-suspended")));
    }
}
