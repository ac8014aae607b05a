using ContestSite.Core.Contests;
using ContestSite.Core.Submissions;
using ContestSite.Core.Teams;
using ContestSite.Data;
using ContestSite.Web.Email;
using ContestSite.Web.Files;
using Microsoft.EntityFrameworkCore;

namespace ContestSite.Web.Submissions;

/// <summary>The receipt of a finalised entry: every file with its size and SHA-256, to every member, each in their language.</summary>
public sealed class SubmissionEmails(ContestDbContext db, EmailOutbox outbox, EmailTemplates templates)
{
    public async Task EnqueueReceiptAsync(Team team, Round round, SubmissionVersion version, DateTimeOffset finalisedAt)
    {
        var memberIds = team.Members.Select(m => m.UserId).ToList();
        var people = await db.Users.AsNoTracking().Where(u => memberIds.Contains(u.Id))
            .Select(u => new { u.Email, u.DisplayName, u.PreferredCulture }).ToListAsync();
        var paragraphs = new List<(string, object[])>
        {
            ("团队“{0}”的{1}作品“{2}”已于 {3}（北京时间）定稿，以下为第 {4} 版的文件清单。", [team.Name, round.Name, version.Title, ContestTime.Display(finalisedAt), version.Number]),
        };
        foreach (var file in version.Files)
            paragraphs.Add(("{0}：{1}，{2} 字节，SHA-256 {3}", [FileKinds.DisplayName(file.Kind), file.FileName, file.Length, file.Sha256]));
        if (version.Files.Count == 0) paragraphs.Add(("本版没有上传文件。", []));
        paragraphs.Add(("如需修改已定稿的作品，请联系组委会重新开放。", []));
        foreach (var person in people.Where(p => p.Email is not null))
            outbox.Enqueue(templates.Build(person.PreferredCulture, person.Email!, person.DisplayName, "作品“{0}”定稿回执", paragraphs, null, version.Title));
    }
}
