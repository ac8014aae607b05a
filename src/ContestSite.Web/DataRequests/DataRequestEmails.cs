using ContestSite.Core.DataRequests;
using ContestSite.Data;
using ContestSite.Web.Email;
using ContestSite.Web.Hosting;
using Microsoft.EntityFrameworkCore;

namespace ContestSite.Web.DataRequests;

/// <summary>
/// Tells the people behind a request — who asked and who supported it — what became of it, each in their own
/// language, through the outbox (queued with the change that caused it).
/// </summary>
public sealed class DataRequestEmails(ContestDbContext db, EmailOutbox outbox, EmailTemplates templates, PublicUrls urls)
{
    public async Task<int> EnqueueOutcomeAsync(DataRequest request, string? datasetTitle, CancellationToken cancellationToken)
    {
        var supporters = db.DataRequestSupports.Where(s => s.RequestId == request.Id).Select(s => s.UserId);
        var people = await db.Users.Where(u => (u.Id == request.RequesterId || supporters.Contains(u.Id)) && u.Email != null)
            .Select(u => new { u.Email, u.DisplayName, u.PreferredCulture }).ToListAsync(cancellationToken);
        var link = urls.BaseUrl + $"/data-requests/{request.Id}";
        foreach (var person in people)
        {
            var (subject, paragraphs, action) = request.State switch
            {
                DataRequestState.Opened => ("您关注的数据需求已开放：{0}",
                    new List<(string, object[])> { ("您提出或附议的数据需求“{0}”所需的数据已开放：数据集“{1}”。", [request.Title, datasetTitle ?? ""]) },
                    ("查看数据集", urls.BaseUrl + $"/datasets/{request.DatasetId}")),
                DataRequestState.Declined => ("您关注的数据需求不予开放：{0}",
                    [("您提出或附议的数据需求“{0}”经研究不予开放。", [request.Title]), ("理由：{0}", [request.Answer ?? ""])], ("查看需求", link)),
                _ => ("您关注的数据需求有了答复：{0}",
                    [("您提出或附议的数据需求“{0}”有了答复。", [request.Title]), ("答复：{0}", [request.Answer ?? ""])], ("查看需求", link)),
            };
            outbox.Enqueue(templates.Build(person.PreferredCulture, person.Email!, person.DisplayName, subject, paragraphs, action, request.Title));
        }
        return people.Count;
    }
}
