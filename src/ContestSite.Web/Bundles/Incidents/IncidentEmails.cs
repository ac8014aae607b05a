using ContestSite.Core.Bundles;
using ContestSite.Data;
using ContestSite.Web.Email;
using ContestSite.Web.Hosting;
using ContestSite.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace ContestSite.Web.Bundles.Incidents;

/// <summary>
/// Mail about an emergency stop, queued in the stop's own transaction, each in the person's language: one mail to each
/// member of a team whose approvals were suspended (the people the approval mail went to), one to each person who
/// handles incidents, and the team's mail when an approval is given back. Teams are not told the reason: it may name
/// what is being investigated.
/// </summary>
public sealed class IncidentEmails(ContestDbContext db, EmailOutbox outbox, EmailTemplates templates, PermissionRegistry registry, PublicUrls urls)
{
    private sealed record Person(int TeamId, string Email, string? DisplayName, string PreferredCulture);

    public async Task EnqueueStartedAsync(DataIncident incident, string scope, string startedBy, IReadOnlyList<AccessApplication> suspended,
        CancellationToken cancellationToken = default)
    {
        var datasetIds = suspended.Select(a => a.DatasetId).Distinct().ToList();
        var titles = await db.Datasets.Where(d => datasetIds.Contains(d.Id)).ToDictionaryAsync(d => d.Id, d => d.Title, cancellationToken);
        var teamIds = suspended.Select(a => a.TeamId).Distinct().ToList();
        foreach (var person in (await PeopleAsync(teamIds, cancellationToken)).DistinctBy(p => p.Email, StringComparer.OrdinalIgnoreCase))
        {
            var names = string.Join("、", suspended.Where(a => a.TeamId == person.TeamId).Select(a => titles[a.DatasetId]).Distinct().Order(StringComparer.Ordinal));
            outbox.Enqueue(templates.Build(person.PreferredCulture, person.Email, person.DisplayName, "数据使用许可暂停：{0}",
                [("因应急处置，组委会已暂停提供以下数据，您的团队对它们的使用许可随之暂停：{0}。", [names]),
                 ("暂停期间请停止使用已下载的这些数据。处置结束后，组委会将逐一决定恢复或撤销许可，并邮件通知您。", [])],
                ("查看数据包页面", urls.BaseUrl + "/bundles"), names));
        }
        foreach (var handler in await db.EnabledUsersWhoMayAsync(registry, BundlePermissions.ManageIncidents, cancellationToken))
        {
            outbox.Enqueue(templates.Build(handler.PreferredCulture, handler.Email!, handler.DisplayName, "应急处置已启动：{0}",
                [("{0} 发起了应急处置，已停止提供：{1}。", [startedBy, scope]),
                 ("事件：{0}", [incident.What]),
                 ("原因：{0}", [incident.Reason]),
                 ("暂停的使用许可：{0} 项，涉及 {1} 个团队。", [suspended.Count, teamIds.Count])],
                ("打开应急处置页面", urls.BaseUrl + $"/admin/incidents/{incident.Id}"), incident.What));
        }
    }

    public async Task EnqueueRestoredAsync(AccessApplication application, CancellationToken cancellationToken = default)
    {
        var title = await db.Datasets.Where(d => d.Id == application.DatasetId).Select(d => d.Title).SingleAsync(cancellationToken);
        foreach (var person in await PeopleAsync([application.TeamId], cancellationToken))
        {
            outbox.Enqueue(templates.Build(person.PreferredCulture, person.Email, person.DisplayName, "数据使用许可已恢复：{0}",
                [("应急处置已结束，您的团队使用数据集“{0}”的许可已恢复，有效期至 {1}（北京时间）。", [title, ContestTime.Display(application.ExpiresAt!.Value)])],
                ("查看数据包页面", urls.BaseUrl + "/bundles"), title));
        }
    }

    private async Task<List<Person>> PeopleAsync(List<int> teamIds, CancellationToken cancellationToken) =>
        await db.TeamMembers.Where(m => teamIds.Contains(m.TeamId))
            .Join(db.Users, m => m.UserId, u => u.Id, (m, u) => new { m.TeamId, u.Email, u.DisplayName, u.PreferredCulture, u.IsDisabled })
            .Where(p => p.Email != null && !p.IsDisabled)
            .Select(p => new Person(p.TeamId, p.Email!, p.DisplayName, p.PreferredCulture))
            .ToListAsync(cancellationToken);
}
