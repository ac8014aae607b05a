using ContestSite.Core.Bundles;
using ContestSite.Data;
using ContestSite.Web.Admin;
using Microsoft.EntityFrameworkCore;

namespace ContestSite.Web.Bundles;

/// <summary>
/// Data's part of the organizers' inbox: applications for restricted data to decide, applications waiting for the
/// expert committee (asked, no opinion yet, answer date not passed), those whose answer date passed without an
/// opinion (urgent), risk warnings not yet cleared and emergency stops not yet lifted (urgent), and approvals a stop
/// suspended that nobody has restored or revoked yet.
/// </summary>
public sealed class BundleTasks(ContestDbContext db, TimeProvider clock) : IOrganizerTaskSource
{
    public async Task<IReadOnlyList<OrganizerTask>> PendingAsync(CancellationToken cancellationToken)
    {
        var pending = db.AccessApplications.Where(a => a.Status == ApplicationStatus.Pending);
        var now = clock.GetUtcNow();
        // Only the requests still waiting for an answer are read (a handful), and judged by the one rule of lateness.
        var dueDates = await pending.Where(a => a.OpinionRequestedAt != null && !a.Opinions.Any()).Select(a => a.OpinionDueAt).ToListAsync(cancellationToken);
        var waitingForExperts = dueDates.Count;
        var overdue = dueDates.Count(due => AccessApplicationRules.OpinionLate(due, now));
        var toDecide = await pending.CountAsync(cancellationToken) - waitingForExperts;
        var flags = await db.RiskFlags.CountAsync(f => f.ClearedAt == null, cancellationToken);
        var openIncidents = await db.DataIncidents.CountAsync(i => i.LiftedAt == null, cancellationToken);
        var suspended = await db.AccessApplications.CountAsync(a => a.Status == ApplicationStatus.Suspended, cancellationToken);
        return
        [
            new("data.applications", "待审批的数据使用申请：{0} 项", toDecide, "/admin/data-applications", BundlePermissions.DecideApplications),
            new("data.awaiting-opinion", "等待专家意见的数据使用申请：{0} 项", waitingForExperts - overdue, "/admin/data-applications", BundlePermissions.DecideApplications),
            new("data.opinion-overdue", "专家意见已逾期的数据使用申请：{0} 项", overdue, "/admin/data-applications", BundlePermissions.DecideApplications, Urgent: true),
            new("data.risk-flags", "未处理的数据下载风险预警：{0} 条", flags, "/admin/data-risk", BundlePermissions.ManageBundles, Urgent: true),
            new("data.incidents", "未解除的应急处置：{0} 项", openIncidents, "/admin/incidents", BundlePermissions.ManageIncidents, Urgent: true),
            new("data.suspended-approvals", "因应急处置暂停、待恢复或撤销的数据使用许可：{0} 项", suspended, "/admin/incidents", BundlePermissions.ManageIncidents),
        ];
    }
}
