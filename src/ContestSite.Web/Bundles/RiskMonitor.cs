using ContestSite.Core.Bundles;
using ContestSite.Data;
using ContestSite.Web.Audit;
using ContestSite.Web.Email;
using ContestSite.Web.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ContestSite.Web.Bundles;

/// <summary>
/// 风险预警: records every served download and, when an account or a team passes the configured volume or
/// count within the window, flags it (holding its restricted downloads) and emails the organizers.
/// </summary>
public sealed class RiskMonitor(ContestDbContext db, IOptions<BundleOptions> options, TimeProvider clock, EmailOutbox outbox,
    EmailTemplates templates, IAuditLog audit)
{
    public async Task RecordAsync(string userId, int? teamId, Guid? datasetId, long bytes, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        db.DownloadRecords.Add(new DownloadRecord { UserId = userId, TeamId = teamId, DatasetId = datasetId, Bytes = bytes, At = now });
        await db.SaveChangesAsync(cancellationToken);

        var limits = new RiskLimits(options.Value.RiskMaxBytes, options.Value.RiskMaxDownloads, options.Value.RiskWindow);
        var since = now - limits.Window;
        var byUser = db.DownloadRecords.Where(r => r.UserId == userId && r.At > since);
        var reason = DownloadRisk.Exceeded(await byUser.SumAsync(r => r.Bytes, cancellationToken), await byUser.CountAsync(cancellationToken), limits);
        if (reason is null && teamId is not null)
        {
            var byTeam = db.DownloadRecords.Where(r => r.TeamId == teamId && r.At > since);
            reason = DownloadRisk.Exceeded(await byTeam.SumAsync(r => r.Bytes, cancellationToken), await byTeam.CountAsync(cancellationToken), limits);
        }
        if (reason is not null) await FlagAsync(userId, teamId, reason, now, cancellationToken);
    }

    private async Task FlagAsync(string userId, int? teamId, string reason, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var already = await db.RiskFlags.AnyAsync(f => f.ClearedAt == null && (f.UserId == userId || (teamId != null && f.TeamId == teamId)), cancellationToken);
        if (already) return;
        db.RiskFlags.Add(new RiskFlag { UserId = userId, TeamId = teamId, Reason = reason, RaisedAt = now });
        var who = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.Email).FirstOrDefaultAsync(cancellationToken) ?? userId;
        foreach (var organizer in await db.UsersWithPermissionAsync(BundlePermissions.DecideApplications, cancellationToken))
        {
            outbox.Enqueue(templates.Build(organizer.PreferredCulture, organizer.Email!, organizer.DisplayName, "数据下载风险预警：{0}",
                [("账号 {0}（团队编号 {1}）的数据下载超过预警阈值：{2}。", [who, teamId?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "—", reason]),
                 ("该账号和团队的受限开放数据下载已暂停，请核查后在管理后台的“数据风险预警”页面解除。", [])],
                null, who));
        }
        await audit.AppendAsync(() => new AuditEvent("data.risk.flagged", $"user:{userId}", "flagged", reason) { TeamId = teamId }, cancellationToken);
    }
}
