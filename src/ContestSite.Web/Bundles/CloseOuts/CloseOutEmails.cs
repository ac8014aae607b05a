using ContestSite.Core.Bundles;
using ContestSite.Data;
using ContestSite.Web.Email;
using ContestSite.Web.Hosting;
using Microsoft.EntityFrameworkCore;

namespace ContestSite.Web.Bundles.CloseOuts;

/// <summary>
/// Mail about a close-out (销毁), each in the person's language, queued in the caller's unsaved change: owed and the
/// reminder to the captain (who attests), the escalation to the whole team.
/// </summary>
public sealed class CloseOutEmails(ContestDbContext db, CloseOutQueries queries, EmailOutbox outbox, EmailTemplates templates, PublicUrls urls)
{
    public async Task<int> EnqueueOwedAsync(CloseOut closeOut, int files, CancellationToken cancellationToken)
    {
        var title = await TitleAsync(closeOut, cancellationToken);
        var captains = await queries.MembersAsync(closeOut.TeamId, captainOnly: true, cancellationToken);
        foreach (var captain in captains)
            outbox.Enqueue(templates.Build(captain.Culture, captain.Email, captain.Name, "请提交数据销毁声明：{0}",
                [(EndText(closeOut.EndReason), [title, ContestTime.Display(closeOut.EndedAt)]),
                 ("您的团队获取过该数据集的 {0} 个文件。按照数据使用协议，请删除这些文件及其副本，并在 {1}（北京时间）前由队长提交销毁声明。", [files, ContestTime.Display(closeOut.DueAt)])],
                ("提交销毁声明", Link(closeOut)), title));
        return captains.Count;
    }

    public async Task<int> EnqueueReminderAsync(CloseOut closeOut, CancellationToken cancellationToken)
    {
        var title = await TitleAsync(closeOut, cancellationToken);
        var captains = await queries.MembersAsync(closeOut.TeamId, captainOnly: true, cancellationToken);
        foreach (var captain in captains)
            outbox.Enqueue(templates.Build(captain.Culture, captain.Email, captain.Name, "提醒：数据销毁声明即将截止：{0}",
                [("您的团队尚未提交数据集“{0}”的销毁声明，截止时间为 {1}（北京时间）。", [title, ContestTime.Display(closeOut.DueAt)]),
                 ("逾期未提交的，组委会将督办。", [])],
                ("提交销毁声明", Link(closeOut)), title));
        return captains.Count;
    }

    public async Task<int> EnqueueEscalationAsync(CloseOut closeOut, string note, CancellationToken cancellationToken)
    {
        var title = await TitleAsync(closeOut, cancellationToken);
        var members = await queries.MembersAsync(closeOut.TeamId, captainOnly: false, cancellationToken);
        foreach (var member in members)
            outbox.Enqueue(templates.Build(member.Culture, member.Email, member.Name, "督办：数据销毁声明已逾期：{0}",
                [("您的团队应于 {0}（北京时间）前提交数据集“{1}”的销毁声明，至今未提交。", [ContestTime.Display(closeOut.DueAt), title]),
                 ("组委会督办说明：{0}", [note]),
                 ("请立即删除该数据集的全部文件，并由队长提交销毁声明。", [])],
                ("提交销毁声明", Link(closeOut)), title));
        return members.Count;
    }

    private static string EndText(CloseOutEnd end) => end switch
    {
        CloseOutEnd.Revoked => "您的团队使用数据集“{0}”的许可已于 {1}（北京时间）被撤销。",
        CloseOutEnd.ContestEnded => "大赛已于 {1}（北京时间）结束，您的团队使用数据集“{0}”的许可随之终止。",
        _ => "您的团队使用数据集“{0}”的许可已于 {1}（北京时间）到期。",
    };

    private string Link(CloseOut closeOut) => urls.BaseUrl + $"/bundles/closeouts/{closeOut.Id}";

    private Task<string> TitleAsync(CloseOut closeOut, CancellationToken cancellationToken) =>
        db.Datasets.AsNoTracking().Where(d => d.Id == closeOut.DatasetId).Select(d => d.Title).SingleAsync(cancellationToken);
}
