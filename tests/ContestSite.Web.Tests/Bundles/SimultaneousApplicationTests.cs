using ContestSite.Core.Bundles;
using ContestSite.Web.Tests.Infrastructure;
using ContestSite.Web.Tests.Teams;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace ContestSite.Web.Tests.Bundles;

/// <summary>Two submits of the same application at the same moment: the database keeps one pending application.</summary>
public sealed class SimultaneousApplicationTests
{
    [Theory]
    [InlineData(TestProvider.Sqlite)]
    [InlineData(TestProvider.Postgres)]
    public async Task Two_simultaneous_applications_for_one_dataset_leave_one_pending_and_the_other_gets_the_already_applied_message(TestProvider provider)
    {
        var gate = new BothSavesGate();
        await using var site = await SiteFactory.CreateAsync(provider, services: s => s.AddSingleton<IInterceptor>(gate), now: TeamTestKit.DuringRegistration);
        var relief = await site.DatasetAsync("低保救助对象名单");
        var (client, teamId) = await site.ApprovedTeamAsync("并发队", "captain@example.com");

        var pages = await Task.WhenAll(client.ApplyAsync(relief.Id), client.ApplyAsync(relief.Id));

        Assert.True(gate.BothArrived, "both requests passed the check before either saved");
        Assert.Single(pages, p => p.Status == System.Net.HttpStatusCode.Redirect);
        Assert.Single(pages, p => p.Text.Contains(AccessApplicationRules.AlreadyPendingMessage, StringComparison.Ordinal));
        Assert.Equal(1, await site.WithDbAsync(db => db.AccessApplications.CountAsync(a => a.TeamId == teamId && a.DatasetId == relief.Id)));
        Assert.True(await site.AuditedAsync("data.application.submitted", "refused", teamId, relief.Id));
    }

    [Theory]
    [InlineData(TestProvider.Sqlite)]
    [InlineData(TestProvider.Postgres)]
    public async Task The_database_refuses_a_second_pending_application_but_accepts_one_after_a_decided_one(TestProvider provider)
    {
        await using var site = await TeamTestKit.SiteAsync(provider);
        var relief = await site.DatasetAsync("低保救助对象名单");
        var (_, teamId) = await site.ApprovedTeamAsync("直写队", "captain@example.com");
        var applicantId = await site.WithDbAsync(db => db.Users.Where(u => u.Email == "captain@example.com").Select(u => u.Id).SingleAsync());
        AccessApplication New(ApplicationStatus status) => new()
        {
            TeamId = teamId, DatasetId = relief.Id, ApplicantId = applicantId, Purpose = "用途", Scenario = "场景", Status = status,
            AgreementAcceptedAt = site.Clock.GetUtcNow(), SubmittedAt = site.Clock.GetUtcNow(),
        };

        await site.WithDbAsync(db => { db.AccessApplications.AddRange(New(ApplicationStatus.Rejected), New(ApplicationStatus.Pending)); return db.SaveChangesAsync(); });
        var second = await Record.ExceptionAsync(() => site.WithDbAsync(db => { db.AccessApplications.Add(New(ApplicationStatus.Pending)); return db.SaveChangesAsync(); }));

        Assert.IsType<DbUpdateException>(second);
        Assert.Equal(2, await site.WithDbAsync(db => db.AccessApplications.CountAsync(a => a.TeamId == teamId)));
    }

    /// <summary>Holds each save of a new application until two have arrived, so both requests have passed the "already applied" check.</summary>
    private sealed class BothSavesGate : SaveChangesInterceptor
    {
        private readonly TaskCompletionSource _both = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _arrived;

        public bool BothArrived => _both.Task.IsCompletedSuccessfully;

        public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            var addsApplication = eventData.Context!.ChangeTracker.Entries<AccessApplication>().Any(e => e.State == EntityState.Added);
            if (addsApplication && Interlocked.Increment(ref _arrived) == 2) _both.TrySetResult();
            // A timeout rather than a hang if the two requests were ever serialized; the test then fails on BothArrived.
            if (addsApplication) await Task.WhenAny(_both.Task, Task.Delay(TimeSpan.FromSeconds(20), cancellationToken));
            return result;
        }
    }
}
