using System.Net;
using ContestSite.Core.Bundles;
using ContestSite.Web.Bundles.CloseOuts;
using ContestSite.Web.Tests.Infrastructure;
using ContestSite.Web.Tests.Teams;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ContestSite.Web.Tests.Bundles;

/// <summary>Close-outs under concurrency: passes on several nodes at once, and two attestations at the same moment.</summary>
public sealed class CloseOutNodeTests
{
    [Fact]
    public async Task Two_nodes_running_the_close_out_pass_at_once_create_one_close_out_one_mail_and_one_reminder()
    {
        await using var first = await TeamTestKit.SiteAsync(TestProvider.Postgres);
        var received = await first.TeamThatReceivedAsync();
        // A second node: the same database, data-protection keys and audit folder.
        await using var second = await SiteFactory.CreateAsync(TestProvider.Postgres, now: first.Clock.GetUtcNow(), settings: s =>
        {
            s["ConnectionStrings:Postgres"] = first.PostgresConnectionString;
            s["ContestSite:Audit:KeyFolder"] = Path.Combine(first.AppDataPath, "audit");
            if (!s.TryGetValue("ContestSite:AppDataPath", out var own) || own is null) return;
            var keys = Path.Combine(own, "keys");
            Directory.CreateDirectory(keys);
            foreach (var file in Directory.EnumerateFiles(Path.Combine(first.AppDataPath, "keys")))
                File.Copy(file, Path.Combine(keys, Path.GetFileName(file)));
        });
        var ended = received.ExpiresAt.AddMinutes(1);
        first.Clock.SetUtcNow(ended);
        second.Clock.SetUtcNow(ended);

        var passes = await RunTogetherAsync(first, second);

        Assert.Single(await first.CloseOutsAsync());
        Assert.Single(await first.MailsAsync(CloseOutTestKit.OwedSubject));
        Assert.True(passes.Sum(p => p.Created.Count) <= 1);

        var dueSoon = (await first.CloseOutsAsync()).Single().DueAt.AddDays(-2);
        first.Clock.SetUtcNow(dueSoon);
        second.Clock.SetUtcNow(dueSoon);
        var reminders = await RunTogetherAsync(first, second);

        Assert.Single(await first.MailsAsync(CloseOutTestKit.ReminderSubject));
        Assert.True(reminders.Sum(p => p.Reminded.Count) <= 1);
    }

    [Fact]
    public async Task Passes_running_at_once_on_one_sqlite_site_create_one_close_out_and_one_mail()
    {
        await using var site = await TeamTestKit.SiteAsync(TestProvider.Sqlite);
        var received = await site.TeamThatReceivedAsync();
        site.Clock.SetUtcNow(received.ExpiresAt.AddMinutes(1));

        var passes = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => site.Job().RunOnceAsync())));

        Assert.Single(await site.CloseOutsAsync());
        Assert.Single(await site.MailsAsync(CloseOutTestKit.OwedSubject));
        Assert.True(passes.Sum(p => p.Created.Count) <= 1);
    }

    [Fact]
    public async Task Two_attestations_at_the_same_moment_store_one()
    {
        await using var site = await TeamTestKit.SiteAsync(TestProvider.Postgres);
        var received = await site.TeamThatReceivedAsync();
        await site.CloseOutPassAtAsync(received.ExpiresAt.AddMinutes(1));
        var closeOut = Assert.Single(await site.CloseOutsAsync());
        var captainId = await site.WithDbAsync(db => db.Users.Where(u => u.Email == "captain@example.com").Select(u => u.Id).SingleAsync());
        var today = CloseOutTestKit.ChinaDate(site.Clock.GetUtcNow());

        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            using var scope = site.Services.CreateScope();
            return await scope.ServiceProvider.GetRequiredService<AttestCloseOut>().RunAsync(closeOut.Id, captainId, [received.Data.FileId], today, true);
        })));

        Assert.Single(results, r => r.Allowed);
        Assert.All(results.Where(r => !r.Allowed), r => Assert.Equal(AttestCloseOut.AlreadyAttested, r.Message));
        Assert.Equal(1, await site.WithDbAsync(db => db.CloseOutAttestations.CountAsync()));
        Assert.Equal(1, await site.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Action == "data.closeout-attested")));
        Assert.Equal(CloseOutState.Attested, (await site.CloseOutsAsync()).Single().State);
    }

    private static Task<CloseOutPass[]> RunTogetherAsync(SiteFactory first, SiteFactory second) =>
        Task.WhenAll(new[] { first, second }.SelectMany(node => Enumerable.Range(0, 3).Select(_ => Task.Run(() => node.Job().RunOnceAsync()))));
}
