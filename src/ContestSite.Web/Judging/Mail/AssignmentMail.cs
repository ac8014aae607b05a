using ContestSite.Core.Contests;
using ContestSite.Data;
using ContestSite.Web.Email;
using ContestSite.Web.Hosting;
using Microsoft.EntityFrameworkCore;

namespace ContestSite.Web.Judging.Mail;

/// <summary>
/// Tells each judge who got new entries in one operation (one click, by hand, CSV, a reassignment) what they got: one
/// mail per judge and operation, in their language, with how many are new, how many they now have in the round and
/// until when review runs. The mail goes into the caller's outbox unsaved, so it commits with the assignments or not at all.
/// </summary>
public sealed class AssignmentMail(ContestDbContext db, EmailOutbox outbox, EmailTemplates templates, PublicUrls urls)
{
    /// <summary>Call after adding the assignments and before saving them: the totals count what is saved already plus the new ones.</summary>
    /// <returns>the number of mails queued</returns>
    public async Task<int> EnqueueAsync(Round round, IEnumerable<string> judgeOfEachNewAssignment, CancellationToken cancellationToken = default)
    {
        var added = judgeOfEachNewAssignment.GroupBy(id => id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        if (added.Count == 0) return 0;
        var ids = added.Keys.ToList();
        var roundId = round.Id;
        // What still asks for their score: not an excluded one, nor one they declared a conflict on.
        var saved = await db.Assignments.AsNoTracking()
            .Where(a => a.RoundId == roundId && ids.Contains(a.JudgeUserId) && (a.Review == null || a.Review.ExcludedAt == null)
                && !db.ConflictDeclarations.Any(c => c.JudgeUserId == a.JudgeUserId && c.SubmissionId == a.SubmissionId))
            .GroupBy(a => a.JudgeUserId).Select(g => new { JudgeId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.JudgeId, g => g.Count, cancellationToken);
        var people = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id) && u.Email != null && !u.IsDisabled)
            .Select(u => new { u.Id, Email = u.Email!, u.DisplayName, u.PreferredCulture }).ToListAsync(cancellationToken);
        foreach (var person in people)
        {
            var count = added[person.Id];
            outbox.Enqueue(templates.Build(person.PreferredCulture, person.Email, person.DisplayName, "{0}评审任务：新分配 {1} 件作品",
                [("组委会为您在{0}新分配了 {1} 件作品，您在本轮共有 {2} 件作品需要评审。", [round.Name, count, saved.GetValueOrDefault(person.Id) + count]),
                 ("评审时间：{0} 至 {1}（北京时间），请在截止前提交评分。", [ContestTime.Display(round.ReviewOpensAt), ContestTime.Display(round.ReviewClosesAt)])],
                ("打开评审工作台", urls.BaseUrl + "/judging"), round.Name, count));
        }
        return people.Count;
    }
}
