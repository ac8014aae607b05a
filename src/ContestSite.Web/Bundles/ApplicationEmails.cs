using ContestSite.Core.Bundles;
using ContestSite.Data;
using ContestSite.Web.Email;
using ContestSite.Web.Hosting;
using ContestSite.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace ContestSite.Web.Bundles;

/// <summary>
/// Mail about data applications, each in the person's own language, through the outbox: the organizers' decision to
/// the team's members, and the organizers' request for an opinion to the expert committee.
/// </summary>
public sealed class ApplicationEmails(ContestDbContext db, EmailOutbox outbox, EmailTemplates templates, PermissionRegistry registry, PublicUrls urls)
{
    /// <summary>
    /// Asks every member of the expert committee who may give an opinion now (enabled, not withdrawn from the
    /// committee) for theirs, with a link to the application's opinion page and the date the organizers asked for
    /// an answer by (China time); the organizers may still decide earlier, so the mail says that too.
    /// </summary>
    /// <returns>the number of mails queued</returns>
    public async Task<int> EnqueueOpinionRequestAsync(AccessApplication application, CancellationToken cancellationToken = default)
    {
        var title = await db.Datasets.Where(d => d.Id == application.DatasetId).Select(d => d.Title).SingleAsync(cancellationToken);
        var team = await db.Teams.Where(t => t.Id == application.TeamId).Select(t => t.Name).SingleAsync(cancellationToken);
        var withdrawn = (await db.JudgeProfiles.Where(p => p.WithdrawnAt != null).Select(p => p.UserId).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var experts = (await db.EnabledUsersWhoMayAsync(registry, BundlePermissions.GiveOpinions, cancellationToken)).Where(u => !withdrawn.Contains(u.Id)).ToList();
        foreach (var expert in experts)
            outbox.Enqueue(templates.Build(expert.PreferredCulture, expert.Email!, expert.DisplayName, "征求专家意见：数据集“{0}”的使用申请",
                [("组委会就团队“{0}”使用受限开放数据集“{1}”的申请征求专家委员会的意见。", [team, title]),
                 ("请于 {0}（北京时间）前提交您的意见。", [ContestTime.Display(application.OpinionDueAt!.Value)]),
                 ("申请一经批准或驳回，就不再接受意见。", [])],
                ("填写意见", urls.BaseUrl + $"/data-applications/opinions/{application.Id}"), title));
        return experts.Count;
    }

    public async Task EnqueueDecisionAsync(AccessApplication application)
    {
        var title = await db.Datasets.Where(d => d.Id == application.DatasetId).Select(d => d.Title).SingleAsync();
        var people = await db.TeamMembers.Where(m => m.TeamId == application.TeamId)
            .Join(db.Users, m => m.UserId, u => u.Id, (m, u) => new { u.Email, u.DisplayName, u.PreferredCulture }).ToListAsync();
        foreach (var person in people.Where(p => p.Email is not null))
        {
            var paragraphs = application.Status switch
            {
                ApplicationStatus.Approved => new List<(string, object[])>
                    { ("您的团队使用数据集“{0}”的申请已获批准，有效期至 {1}（北京时间）。请在数据包页面下载。", [title, ContestTime.Display(application.ExpiresAt!.Value)]) },
                ApplicationStatus.Rejected => [("您的团队使用数据集“{0}”的申请未获批准。", [title]), ("原因：{0}", [application.DecisionNote ?? ""])],
                _ => [("组委会已撤销您的团队使用数据集“{0}”的许可，请停止使用并删除已下载的数据。", [title]), ("原因：{0}", [application.DecisionNote ?? ""])],
            };
            outbox.Enqueue(templates.Build(person.PreferredCulture, person.Email!, person.DisplayName, "数据使用申请结果：{0}", paragraphs, null, title));
        }
    }
}
