using ContestSite.Web.Audit;
using ContestSite.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ContestSite.Web.Tests.Audit;

public sealed class AuditLogTests
{
    [Theory]
    [InlineData(TestProvider.Sqlite)]
    [InlineData(TestProvider.Postgres)]
    public async Task Many_writers_at_once_extend_one_unbroken_chain(TestProvider provider)
    {
        await using var site = await SiteFactory.CreateAsync(provider);
        await Task.WhenAll(Enumerable.Range(0, 40).Select(i => Task.Run(async () =>
        {
            using var scope = site.Services.CreateScope();
            await scope.ServiceProvider.GetRequiredService<IAuditLog>().AppendAsync(new AuditEvent("test.parallel", $"item:{i}", "ok"));
        })));

        using var scope = site.Services.CreateScope();
        var result = await scope.ServiceProvider.GetRequiredService<AuditVerifier>().VerifyAsync();
        Assert.Null(result.FirstBreak);
        Assert.Equal(40, await site.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Action == "test.parallel")));
        Assert.Equal(result.EntriesChecked, await site.WithDbAsync(db => db.AuditEntries.LongCountAsync()));
    }

    [Fact]
    public async Task Sign_in_success_and_failure_are_audited_with_who_and_from_where()
    {
        await using var site = await SiteFactory.CreateAsync();
        var user = await site.CreateUserAsync("audited@example.com", "Audited-pass-1");
        using var client = site.CreateSiteClient();

        await client.SignInAsync("audited@example.com", "wrong-pass-99");
        await client.SignInAsync("audited@example.com", "Audited-pass-1");

        var entries = await site.WithDbAsync(db => db.AuditEntries.Where(e => e.Subject == $"user:{user.Id}" && e.Action == "account.signin").OrderBy(e => e.Id).ToListAsync());
        Assert.Equal(["wrong-password", "ok"], entries.Select(e => e.Outcome));
        Assert.All(entries, e => Assert.Equal(user.Id, e.ActorId));
    }
}
