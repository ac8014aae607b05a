using System.Globalization;
using System.Net;
using ContestSite.Core.Bundles;
using ContestSite.Data.Email;
using ContestSite.Web.Bundles.CloseOuts;
using ContestSite.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ContestSite.Web.Tests.Bundles;

/// <summary>A team that received restricted data, its approval run out, the job's passes, and the attestation form as a browser posts it.</summary>
public static class CloseOutTestKit
{
    public const string OwedSubject = "请提交数据销毁声明：低保救助对象名单";
    public const string ReminderSubject = "提醒：数据销毁声明即将截止：低保救助对象名单";
    public const string EscalationSubject = "督办：数据销毁声明已逾期：低保救助对象名单";

    public sealed record Received(TestTeam Team, BundleTestKit.Data Data, int ApplicationId, DateTimeOffset ExpiresAt);

    /// <summary>A team approved for 30 days for a restricted dataset whose captain downloaded its one file.</summary>
    public static async Task<Received> TeamThatReceivedAsync(this SiteFactory site, string captainEmail = "captain@example.com", string teamName = "救助地图队",
        bool download = true, int days = 30)
    {
        var data = await site.DatasetAsync("低保救助对象名单");
        await site.SetRulesAsync(data.Id);
        var team = await site.ApprovedTeamAsync(teamName, captainEmail);
        var applicationId = await site.ApprovedApplicationAsync(team.Captain, team.Id, data.Id, days);
        if (download)
        {
            using var response = await team.Captain.Http.GetAsync($"/datasets/{data.Id}/files/{data.FileId}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
        var expires = await site.WithDbAsync(db => db.AccessApplications.Where(a => a.Id == applicationId).Select(a => a.ExpiresAt!.Value).SingleAsync());
        return new Received(team, data, applicationId, expires);
    }

    /// <summary>The captain signed in afresh: a sign-in from before the clock moved past the approval's end has expired.</summary>
    public static Task<SiteClient> CaptainAsync(this SiteFactory site, Received received) => site.SignedInAsync(received.Team.CaptainEmail);

    public static async Task<SiteClient> MemberAsync(this SiteFactory site, Received received) => await site.SignedInAsync(await site.WithDbAsync(db =>
        db.TeamMembers.Where(m => m.TeamId == received.Team.Id && m.Role == Core.Teams.TeamRole.Member)
            .Join(db.Users, m => m.UserId, u => u.Id, (m, u) => u.Email!).FirstAsync()));

    public static CloseOutJob Job(this SiteFactory site) => site.Services.GetServices<IHostedService>().OfType<CloseOutJob>().Single();

    /// <summary>Moves the site's clock to <paramref name="moment"/> and waits for the background job's first pass at or after it.</summary>
    public static async Task<CloseOutPass> CloseOutPassAtAsync(this SiteFactory site, DateTimeOffset moment)
    {
        if (site.Clock.GetUtcNow() < moment) site.Clock.SetUtcNow(moment);
        var job = site.Job();
        await site.WhileTimePassesUntilAsync(() => Task.FromResult(job.LastPass?.At >= moment), step: TimeSpan.FromMinutes(5));
        return job.LastPass!;
    }

    public static Task<List<CloseOut>> CloseOutsAsync(this SiteFactory site) =>
        site.WithDbAsync(db => db.CloseOuts.AsNoTracking().Include(c => c.Attestation!).ThenInclude(a => a.Files).OrderBy(c => c.Id).ToListAsync());

    /// <summary>The close-outs of one team (on a site other tests share, theirs are there too).</summary>
    public static Task<List<CloseOut>> CloseOutsAsync(this SiteFactory site, Received received) =>
        site.WithDbAsync(db => db.CloseOuts.AsNoTracking().Where(c => c.TeamId == received.Team.Id)
            .Include(c => c.Attestation!).ThenInclude(a => a.Files).OrderBy(c => c.Id).ToListAsync());

    public static Task<List<OutboxMessage>> MailsAsync(this SiteFactory site, string subject) =>
        site.WithDbAsync(db => db.Outbox.AsNoTracking().Where(m => m.Subject == subject).OrderBy(m => m.Id).ToListAsync());

    /// <summary>The mail with this subject to one address (on a site other tests share, theirs are there too).</summary>
    public static Task<List<OutboxMessage>> MailsAsync(this SiteFactory site, string subject, string to) =>
        site.WithDbAsync(db => db.Outbox.AsNoTracking().Where(m => m.Subject == subject && m.ToAddress == to).OrderBy(m => m.Id).ToListAsync());

    /// <summary>What an attack must leave unchanged: attestations, attested files, their audit entries, and all mail.</summary>
    public static Task<(int Attestations, int AuditEntries, int Mails)> AttestationStateAsync(this SiteFactory site) => site.WithDbAsync(async db =>
        (await db.CloseOutAttestations.CountAsync(), await db.AuditEntries.CountAsync(e => e.Action == "data.closeout-attested"), await db.Outbox.CountAsync()));

    /// <summary>Posts the attestation form with the given files ticked (by default, with a token from a form the person can open).</summary>
    public static async Task<SiteClient.Page> AttestAsync(this SiteClient client, int closeOutId, IEnumerable<int> files, DateOnly? deletedOn, bool confirmed = true,
        Guid? tokenFromApplyFormOf = null)
    {
        var form = tokenFromApplyFormOf is { } datasetId ? await client.GetAsync($"/bundles/apply/{datasetId}") : await client.GetAsync($"/bundles/closeouts/{closeOutId}");
        var fields = new List<KeyValuePair<string, string>>
        {
            new("__RequestVerificationToken", form.AntiforgeryToken ?? throw new InvalidOperationException($"no form ({form.Status})")),
        };
        fields.AddRange(files.Select(f => new KeyValuePair<string, string>("Files", f.ToString(CultureInfo.InvariantCulture))));
        if (deletedOn is { } day) fields.Add(new("DeletedOn", day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        if (confirmed) fields.Add(new("Confirmed", "true"));
        return await client.PostAsync($"/bundles/closeouts/{closeOutId}", fields);
    }

    public static DateOnly ChinaDate(DateTimeOffset moment) => DateOnly.FromDateTime(moment.ToOffset(TimeSpan.FromHours(8)).DateTime);
}
