using ContestSite.Core.Bundles;
using ContestSite.Data;
using ContestSite.Web.Email;
using Microsoft.EntityFrameworkCore;

namespace ContestSite.Web.Bundles;

/// <summary>Tells a team's members the organizers' decision on their application, each in their own language, through the outbox.</summary>
public sealed class ApplicationEmails(ContestDbContext db, EmailOutbox outbox, EmailTemplates templates)
{
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
