using ContestSite.Core.Catalog;
using ContestSite.Web.Audit;
using ContestSite.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ContestSite.Web.Tests.Audit;

/// <summary>Entries written through the real audit log at chosen moments, a dataset to name, and the audit verifier.</summary>
internal static class AuditTestKit
{
    /// <summary>Where the sites of the audit tests start their clock: before every moment the tests append at (the clock only moves forward).</summary>
    public static readonly DateTimeOffset BeforeEntries = China(9, 30, 9);

    public static async Task<AuditEntryAt> AppendAtAsync(this SiteFactory site, DateTimeOffset at, AuditEvent auditEvent)
    {
        site.Clock.SetUtcNow(at);
        using var scope = site.Services.CreateScope();
        var entry = await scope.ServiceProvider.GetRequiredService<IAuditLog>().AppendAsync(auditEvent);
        return new AuditEntryAt(entry.Id, entry.At);
    }

    public static async Task<Guid> AddDatasetAsync(this SiteFactory site, string title) => await site.WithDbAsync(async db =>
    {
        var dataset = new Dataset { Title = title };
        db.Datasets.Add(dataset);
        await db.SaveChangesAsync();
        return dataset.Id;
    });

    public static async Task<AuditVerification> VerifyAsync(this SiteFactory site)
    {
        using var scope = site.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<AuditVerifier>().VerifyAsync();
    }

    /// <summary>Asks for a check on the audit page, lets the background job run it, and reads the page with its result.</summary>
    public static async Task<SiteClient.Page> VerifyOnPageAsync(this SiteFactory site, SiteClient client)
    {
        var asked = await client.PostFormAsync("/admin/audit", new Dictionary<string, string>(), "/admin/audit?handler=Verify");
        Assert.Equal(System.Net.HttpStatusCode.Redirect, asked.Status);
        await site.WhileTimePassesUntilAsync(() => site.WithDbAsync(db => db.AuditVerificationRuns.AllAsync(r =>
            r.Status != Core.Audit.AuditVerificationStatus.Queued && r.Status != Core.Audit.AuditVerificationStatus.Running)));
        return await client.GetAsync("/admin/audit");
    }

    /// <summary>Changes the database behind the site's back, the way someone with database access would.</summary>
    public static Task<int> TamperAsync(this SiteFactory site, string sql) => site.WithDbAsync(db => db.Database.ExecuteSqlRawAsync(sql));

    public static DateTimeOffset China(int month, int day, int hour, int minute = 0) => new(2020, month, day, hour, minute, 0, TimeSpan.FromHours(8));
}

internal sealed record AuditEntryAt(long Id, DateTimeOffset At);
