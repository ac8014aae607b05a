using ContestSite.Core.Judging;
using ContestSite.Core.Rules;
using ContestSite.Data;
using ContestSite.Web.Audit;
using ContestSite.Web.Email;
using ContestSite.Web.Hosting;
using Microsoft.EntityFrameworkCore;

namespace ContestSite.Web.Judging.Discussion;

/// <summary>
/// Adds a comment to an entry's discussion: refused when empty or too long, when the thread was never opened (and the
/// judges do not disagree), or once results are final. The first comment on a disagreement opens the thread. The
/// comment, its audit entry and a mail to everyone else in the thread (each in their language) are saved together.
/// </summary>
public sealed class PostComment(ContestDbContext db, RoundStates states, DiscussionThreads threads, IAuditLog audit, DiscussionMail mail, TimeProvider clock)
{
    public const string AuditAction = "judging.comment-added";

    public async Task<RuleResult> RunAsync(EntryReader reader, string? text, CancellationToken cancellationToken = default)
    {
        var (body, checkedText) = DiscussionRules.CheckComment(text);
        if (body is null) return checkedText;
        var (roundId, submissionId) = (reader.Round.Id, reader.Submission.Id);
        var disagreement = await threads.DisagreementAsync(roundId, submissionId, cancellationToken);
        try
        {
            return await db.InTransactionAsync(async () =>
            {
                var (round, current) = await states.LockAsync(roundId, cancellationToken);
                var now = clock.GetUtcNow();
                var discussion = await db.Discussions.SingleOrDefaultAsync(d => d.RoundId == roundId && d.SubmissionId == submissionId, cancellationToken);
                var allowed = DiscussionRules.MayPost(RoundLifecycle.PhaseOf(round, current?.Status, now), discussion is not null, disagreement);
                if (!allowed.Allowed) return allowed;
                if (discussion is null)
                    db.Discussions.Add(discussion = new Core.Judging.Discussion { RoundId = roundId, SubmissionId = submissionId, OpenedAt = now, OpenedByUserId = reader.UserId });
                var comment = new DiscussionComment { AuthorUserId = reader.UserId, ByOrganizer = reader.AsOrganizer, Body = body, PostedAt = now };
                discussion.Comments.Add(comment);
                await mail.EnqueueAsync(reader, discussion, body, cancellationToken);
                await audit.AppendAsync(() => new AuditEvent(AuditAction, $"submission:{submissionId}", "ok",
                    $"round={roundId}; discussion={discussion.Id}; comment={comment.Id}; by={(reader.AsOrganizer ? "organizer" : "judge")}; length={body.Length}") { TeamId = reader.Submission.TeamId },
                    cancellationToken);
                return RuleResult.Ok;
            }, cancellationToken);
        }
        finally { db.ChangeTracker.Clear(); }
    }
}

/// <summary>
/// The mail a comment sends to the others in its thread: the entry's judges without a conflict on it and the
/// organizers who opened the thread or wrote in it, never the author. Judges see authors as in the thread (评委 A, 组委会).
/// </summary>
public sealed class DiscussionMail(ContestDbContext db, DiscussionThreads threads, EmailOutbox outbox, EmailTemplates templates, PublicUrls urls)
{
    public async Task EnqueueAsync(EntryReader reader, Core.Judging.Discussion discussion, string body, CancellationToken cancellationToken)
    {
        var (roundId, submissionId) = (reader.Round.Id, reader.Submission.Id);
        var judges = await threads.JudgesAsync(roundId, submissionId, cancellationToken);
        var conflicted = await db.ConflictDeclarations.AsNoTracking()
            .Where(c => c.SubmissionId == submissionId && c.Status != ConflictStatus.Dismissed).Select(c => c.JudgeUserId).ToListAsync(cancellationToken);
        var organizers = await db.DiscussionComments.AsNoTracking().Where(c => c.DiscussionId == discussion.Id && c.ByOrganizer).Select(c => c.AuthorUserId)
            .Distinct().ToListAsync(cancellationToken);
        if (discussion.Id != 0 && !judges.Contains(discussion.OpenedByUserId)) organizers.Add(discussion.OpenedByUserId);
        var recipients = judges.Except(conflicted).Concat(organizers).Where(id => id != reader.UserId).Distinct().ToList();
        if (recipients.Count == 0) return;
        var people = await db.Users.AsNoTracking().Where(u => recipients.Contains(u.Id) && u.Email != null)
            .Select(u => new { u.Id, Email = u.Email!, u.DisplayName, u.PreferredCulture }).ToListAsync(cancellationToken);
        var title = await db.SubmissionVersions.AsNoTracking().Where(v => v.SubmissionId == submissionId && v.Number == reader.Submission.CurrentVersionNumber)
            .Select(v => v.Title).FirstOrDefaultAsync(cancellationToken) ?? "";
        var letter = DiscussionThreads.Letter(judges.IndexOf(reader.UserId));
        var name = reader.AsOrganizer ? "" : await NameAsync(reader.UserId, cancellationToken);
        var link = urls.BaseUrl + DiscussionPaths.Thread(submissionId);
        foreach (var person in people)
        {
            // Judges never learn another judge's name from the thread, mail included; organizers do.
            (string Key, object[] Args) author = reader.AsOrganizer ? ("组委会写道：", [])
                : judges.Contains(person.Id) ? ("评委 {0} 写道：", [letter]) : ("{0}（评委）写道：", [name]);
            outbox.Enqueue(templates.Build(person.PreferredCulture, person.Email, person.DisplayName, "作品“{0}”的评审讨论有新留言",
                [("作品“{0}”（编号 {1}，{2}）的评审讨论有一条新留言。", [title, submissionId, reader.Round.Name]), author, ("{0}", [body])],
                ("查看讨论", link), title));
        }
    }

    private async Task<string> NameAsync(string userId, CancellationToken cancellationToken) =>
        await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.DisplayName ?? u.Email ?? "").FirstOrDefaultAsync(cancellationToken) ?? "";
}

public static class DiscussionPaths
{
    public static string Thread(int submissionId) => $"/judging/entries/{submissionId}/discussion";
}
