using ContestSite.Core.Judging;
using ContestSite.Core.Rules;
using ContestSite.Data;
using ContestSite.Web.Audit;
using Microsoft.EntityFrameworkCore;

namespace ContestSite.Web.Judging.Discussion;

/// <summary>
/// An organizer or one of the entry's judges opens its discussion ("发起讨论"), with a reason if they give one. Decided
/// under the round's lock, so it cannot slip in after results became final; opening an open thread changes nothing.
/// </summary>
public sealed class OpenDiscussion(ContestDbContext db, RoundStates states, IAuditLog audit, TimeProvider clock)
{
    public async Task<RuleResult> RunAsync(EntryReader reader, string? reason, CancellationToken cancellationToken = default)
    {
        var cleaned = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        if (cleaned?.Length > DiscussionRules.MaxReasonLength) return RuleResult.Refuse("发起讨论的理由最多 {0} 个字", DiscussionRules.MaxReasonLength);
        var (roundId, submissionId) = (reader.Round.Id, reader.Submission.Id);
        try
        {
            return await db.InTransactionAsync(async () =>
            {
                var (round, current) = await states.LockAsync(roundId, cancellationToken);
                var allowed = DiscussionRules.MayChange(RoundLifecycle.PhaseOf(round, current?.Status, clock.GetUtcNow()));
                if (!allowed.Allowed) return allowed;
                if (await db.Discussions.AnyAsync(d => d.RoundId == roundId && d.SubmissionId == submissionId, cancellationToken)) return RuleResult.Ok;
                db.Discussions.Add(new Core.Judging.Discussion
                {
                    RoundId = roundId, SubmissionId = submissionId, OpenedAt = clock.GetUtcNow(), OpenedByUserId = reader.UserId, Reason = cleaned,
                });
                await audit.AppendAsync(new AuditEvent("judging.discussion-opened", $"submission:{submissionId}", "ok",
                    $"round={roundId}; by={(reader.AsOrganizer ? "organizer" : "judge")}; reason={cleaned ?? "-"}") { TeamId = reader.Submission.TeamId }, cancellationToken);
                return RuleResult.Ok;
            }, cancellationToken);
        }
        finally { db.ChangeTracker.Clear(); }
    }
}
