using ContestSite.Core.Bundles;
using ContestSite.Core.Rules;
using ContestSite.Data;
using ContestSite.Web.Audit;
using ContestSite.Web.Email;
using ContestSite.Web.Hosting;
using ContestSite.Web.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ContestSite.Web.Bundles;

/// <summary>
/// 风险预警: records every served download and, when an account or a team passes the configured volume or
/// count within the window, flags it (holding its restricted downloads) and mails, at once and once per flag, the
/// people who handle flags (<see cref="BundlePermissions.ManageBundles"/>, the risk page's permission): who, which
/// team and dataset, why, and a link to the risk page.
/// </summary>
public sealed class RiskMonitor(ContestDbContext db, IOptions<BundleOptions> options, TimeProvider clock, EmailOutbox outbox,
    EmailTemplates templates, PermissionRegistry registry, PublicUrls urls, IAuditLog audit)
{
    public Task RecordAsync(string userId, int? teamId, Guid? datasetId, long bytes, CancellationToken cancellationToken = default) =>
        RecordAsync(userId, teamId, datasetId, bytes, null, [], cancellationToken);

    /// <param name="resourceId">The file served on its own; null for a bundle.</param>
    /// <param name="restrictedInBundle">The restricted files a bundle carried: recorded as received (for the close-out), not counted again.</param>
    public async Task RecordAsync(string userId, int? teamId, Guid? datasetId, long bytes, int? resourceId, IReadOnlyList<ReceivedInBundle> restrictedInBundle,
        CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        db.DownloadRecords.Add(new DownloadRecord { UserId = userId, TeamId = teamId, DatasetId = datasetId, ResourceId = resourceId, Bytes = bytes, At = now });
        db.DownloadRecords.AddRange(restrictedInBundle.Select(f => new DownloadRecord
        {
            UserId = userId, TeamId = teamId, DatasetId = f.DatasetId, ResourceId = f.ResourceId, Bytes = f.Bytes, At = now, InBundle = true,
        }));
        await db.SaveChangesAsync(cancellationToken);

        var limits = Limits();
        var since = now - limits.Window;
        var byUser = db.DownloadRecords.Where(r => r.UserId == userId && !r.Refused && !r.InBundle && r.At > since);
        var reason = DownloadRisk.Explain(await byUser.SumAsync(r => r.Bytes, cancellationToken), await byUser.CountAsync(cancellationToken), limits);
        if (reason is null && teamId is not null)
        {
            var byTeam = db.DownloadRecords.Where(r => r.TeamId == teamId && !r.Refused && !r.InBundle && r.At > since);
            reason = DownloadRisk.Explain(await byTeam.SumAsync(r => r.Bytes, cancellationToken), await byTeam.CountAsync(cancellationToken), limits);
        }
        if (reason is not null) await FlagAsync(userId, teamId, datasetId, reason, now, cancellationToken);
    }

    /// <summary>
    /// Records a refused request for a restricted or prohibited file (nothing was sent) and flags the account or team
    /// once such refusals pass <see cref="BundleOptions.RiskMaxRefused"/> within the window.
    /// </summary>
    public async Task RecordRefusalAsync(string userId, int? teamId, Guid datasetId, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        db.DownloadRecords.Add(new DownloadRecord { UserId = userId, TeamId = teamId, DatasetId = datasetId, At = now, Refused = true });
        await db.SaveChangesAsync(cancellationToken);
        var limits = Limits();
        var since = now - limits.Window;
        var reason = DownloadRisk.ExplainRefused(await db.DownloadRecords.CountAsync(r => r.UserId == userId && r.Refused && r.At > since, cancellationToken), limits);
        if (reason is null && teamId is not null)
            reason = DownloadRisk.ExplainRefused(await db.DownloadRecords.CountAsync(r => r.TeamId == teamId && r.Refused && r.At > since, cancellationToken), limits);
        if (reason is not null) await FlagAsync(userId, teamId, datasetId, reason, now, cancellationToken);
    }

    private RiskLimits Limits() => new(options.Value.RiskMaxBytes, options.Value.RiskMaxDownloads, options.Value.RiskWindow, options.Value.RiskMaxRefused);

    private Task<int> ActiveFlagsAsync(string userId, int? teamId, CancellationToken cancellationToken) =>
        db.RiskFlags.CountAsync(f => f.ClearedAt == null && (f.UserId == userId || (teamId != null && f.TeamId == teamId)), cancellationToken);

    private async Task FlagAsync(string userId, int? teamId, Guid? datasetId, LocalText reason, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (await ActiveFlagsAsync(userId, teamId, cancellationToken) > 0) return;
        // In the download's transaction when there is one. Parallel downloads cross the limit together: the account's and
        // the team's rows are locked (held to commit) before looking again, so one of them raises the flag and mails.
        await db.InTransactionAsync(async () =>
        {
            await db.Users.Where(u => u.Id == userId).ExecuteUpdateAsync(s => s.SetProperty(u => u.ConcurrencyStamp, u => u.ConcurrencyStamp), cancellationToken);
            if (teamId is not null)
                await db.Teams.Where(t => t.Id == teamId).ExecuteUpdateAsync(s => s.SetProperty(t => t.Name, t => t.Name), cancellationToken);
            if (await ActiveFlagsAsync(userId, teamId, cancellationToken) > 0) return;
            db.RiskFlags.Add(new RiskFlag { UserId = userId, TeamId = teamId, Reason = reason.ToString(), RaisedAt = now });
            await MailHandlersAsync(userId, teamId, datasetId, reason, cancellationToken);
            await audit.AppendAsync(() => new AuditEvent("data.risk.flagged", $"user:{userId}", "flagged", reason.ToString()) { TeamId = teamId, DatasetId = datasetId }, cancellationToken);
        }, cancellationToken);
    }

    private async Task MailHandlersAsync(string userId, int? teamId, Guid? datasetId, LocalText reason, CancellationToken cancellationToken)
    {
        var who = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => new { u.Email, u.DisplayName }).FirstOrDefaultAsync(cancellationToken);
        var account = who is null ? userId : $"{who.DisplayName} <{who.Email}>";
        var team = teamId is null ? null : await db.Teams.AsNoTracking().Where(t => t.Id == teamId).Select(t => t.Name).FirstOrDefaultAsync(cancellationToken);
        var dataset = datasetId is null ? null : await db.Datasets.AsNoTracking().Where(d => d.Id == datasetId).Select(d => d.Title).FirstOrDefaultAsync(cancellationToken);
        foreach (var handler in await db.EnabledUsersWhoMayAsync(registry, BundlePermissions.ManageBundles, cancellationToken))
        {
            var paragraphs = new List<(string, object[])>
            {
                team is null
                    ? ("账号 {0} 的数据下载超过了预警阈值：", [account])
                    : ("账号 {0}（团队“{1}”，编号 {2}）的数据下载超过了预警阈值：", [account, team, teamId!.Value]),
                (reason.Key, reason.Arguments),
                dataset is null ? ("触发预警的是一次赛道数据包下载。", []) : ("触发预警的下载：数据集“{0}”。", [dataset]),
                ("该账号和团队的受限开放数据下载已暂停，请核查后在“数据风险预警”页面解除。", []),
            };
            outbox.Enqueue(templates.Build(handler.PreferredCulture, handler.Email!, handler.DisplayName, "数据下载风险预警：{0}",
                paragraphs, ("打开数据风险预警页面", urls.BaseUrl + "/admin/data-risk"), who?.Email ?? userId));
        }
    }
}

/// <summary>A restricted file sent inside a bundle zip.</summary>
public sealed record ReceivedInBundle(Guid DatasetId, int ResourceId, long Bytes);
