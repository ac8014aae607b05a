using ContestSite.Core.Rules;
using ContestSite.Core.Submissions;
using ContestSite.Core.Teams;
using ContestSite.Data;
using ContestSite.Web.Audit;
using Microsoft.EntityFrameworkCore;

namespace ContestSite.Web.Submissions;

/// <summary>
/// The captain finalises the entry (定稿). The change is one conditional update (still a draft, same newest
/// version), so of two finalisations at the same moment exactly one takes effect; the receipt is queued in
/// the same transaction.
/// </summary>
public sealed class FinaliseSubmission(ContestDbContext db, SubmissionEmails emails, IAuditLog audit, TimeProvider clock)
{
    /// <param name="confirmedVersion">the version the captain saw on the confirmation page: a newer one saved meanwhile is not finalised unseen</param>
    public async Task<RuleResult> RunAsync(int roundId, string userId, int? confirmedVersion = null, CancellationToken cancellationToken = default)
    {
        var entry = await db.EntryForPersonAsync(roundId, userId, cancellationToken);
        if (entry is null) return RuleResult.Refuse("没有找到该轮次，或您还没有团队");
        var now = clock.GetUtcNow();
        var allowed = SubmissionRules.CanFinalise(entry.Team, entry.Round, entry.MayEnter, entry.Submission, userId, now);
        if (!allowed.Allowed) return allowed;
        var submission = entry.Submission!;
        if (confirmedVersion is { } seen && seen != submission.CurrentVersionNumber) return RuleResult.Refuse("作品刚被修改或已经定稿，请刷新页面查看");

        // Joins a transaction already open (a recipe finalising a demo entry).
        return await db.InTransactionAsync(async () =>
        {
            var changed = await db.Submissions
                .Where(s => s.Id == submission.Id && s.Status == SubmissionStatus.Draft && s.CurrentVersionNumber == submission.CurrentVersionNumber)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(x => x.Status, SubmissionStatus.Finalised)
                    .SetProperty(x => x.FinalisedAt, now)
                    .SetProperty(x => x.FinalisedByUserId, userId)
                    .SetProperty(x => x.Concurrency, x => x.Concurrency + 1), cancellationToken);
            if (changed == 0) return RuleResult.Refuse("作品刚被修改或已经定稿，请刷新页面查看");
            var version = (await db.VersionAsync(submission.Id, submission.CurrentVersionNumber, cancellationToken))!;
            await emails.EnqueueReceiptAsync(entry.Team, entry.Round, version, now);
            await audit.AppendAsync(new AuditEvent("submission.finalised", $"submission:{submission.Id}", "ok", $"version={version.Number}") { TeamId = entry.Team.Id }, cancellationToken);
            return RuleResult.Ok;
        }, cancellationToken);
    }
}

/// <summary>An organizer reopens a finalised entry so the team can change it again.</summary>
public sealed class ReopenSubmission(ContestDbContext db, IAuditLog audit, TimeProvider clock)
{
    public async Task<RuleResult> RunAsync(int submissionId, string? reason, CancellationToken cancellationToken = default)
    {
        var submission = await db.Submissions.AsNoTracking().FirstOrDefaultAsync(s => s.Id == submissionId, cancellationToken);
        if (submission is null) return RuleResult.Refuse("作品不存在");
        var allowed = SubmissionRules.CanReopen(submission);
        if (!allowed.Allowed) return allowed;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var changed = await db.Submissions.Where(s => s.Id == submissionId && s.Status == SubmissionStatus.Finalised)
            .ExecuteUpdateAsync(s => s
                .SetProperty(x => x.Status, SubmissionStatus.Draft)
                .SetProperty(x => x.FinalisedAt, (DateTimeOffset?)null)
                .SetProperty(x => x.FinalisedByUserId, (string?)null)
                .SetProperty(x => x.UpdatedAt, clock.GetUtcNow())
                .SetProperty(x => x.Concurrency, x => x.Concurrency + 1), cancellationToken);
        if (changed == 0) return RuleResult.Refuse("作品未定稿，无需重新开放");
        await audit.AppendAsync(new AuditEvent("submission.reopened", $"submission:{submissionId}", "ok", reason) { TeamId = submission.TeamId }, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return RuleResult.Ok;
    }
}
