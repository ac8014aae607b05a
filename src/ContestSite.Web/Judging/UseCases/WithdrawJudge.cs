using ContestSite.Core.Judging;
using ContestSite.Core.Rules;
using ContestSite.Data;
using ContestSite.Web.Audit;
using ContestSite.Web.Judging.Mail;
using Microsoft.EntityFrameworkCore;

namespace ContestSite.Web.Judging.UseCases;

/// <summary>
/// A judge leaves the committee: their unscored entries in rounds still under review go to other judges; in rounds
/// whose review has closed nothing of theirs changes.
/// Runs in one transaction, so when the others cannot take the entries nothing changes at all.
/// </summary>
public sealed class WithdrawJudge(ContestDbContext db, AutoAssign assign, AssignmentMail mail, IAuditLog audit, TimeProvider clock)
{
    public async Task<(RuleResult Result, int Reassigned)> RunAsync(string judgeId, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var profile = await db.JudgeProfiles.SingleOrDefaultAsync(p => p.UserId == judgeId, cancellationToken);
        if (profile is null) db.JudgeProfiles.Add(profile = new JudgeProfile { UserId = judgeId, UpdatedAt = now });
        if (profile.WithdrawnAt is not null) return (RuleResult.Refuse("该评委已退出评审"), 0);
        profile.WithdrawnAt = now;
        // Only rounds whose scores are not frozen yet: after review closes (or once results are published) a
        // withdrawn judge's assignments and reviews stay as they are.
        var open = await db.Assignments.Include(a => a.Review)
            .Where(a => a.JudgeUserId == judgeId && db.Rounds.Any(r => r.Id == a.RoundId && r.ReviewClosesAt > now)
                && !db.ResultsPublications.Any(p => p.RoundId == a.RoundId && (p.Status == ResultsStatus.Provisional || p.Status == ResultsStatus.Final)))
            .ToListAsync(cancellationToken);
        // A review with a pending conflict request stays for the organizer's decision.
        var requested = (await db.ConflictDeclarations.Where(c => c.JudgeUserId == judgeId && c.Status == ConflictStatus.Requested)
            .Select(c => c.SubmissionId).ToListAsync(cancellationToken)).ToHashSet();
        var released = open.Where(a => a.Review is not { Status: ReviewStatus.Submitted } && a.Review?.ExcludedAt is null
            && !(a.Review is not null && requested.Contains(a.SubmissionId))).ToList();
        db.Assignments.RemoveRange(released);
        await db.SaveChangesAsync(cancellationToken);

        var added = 0;
        foreach (var roundId in released.Select(a => a.RoundId).Distinct())
        {
            var round = await db.Rounds.AsNoTracking().SingleAsync(r => r.Id == roundId, cancellationToken);
            var (result, pairs) = await assign.PlanAsync(round, cancellationToken);
            if (!result.Allowed) return (result, 0);
            db.Assignments.AddRange(pairs.Select(p => new Assignment { RoundId = roundId, SubmissionId = p.EntryId, JudgeUserId = p.JudgeId, AssignedAt = now }));
            await mail.EnqueueAsync(round, pairs.Select(p => p.JudgeId), cancellationToken);
            added += pairs.Count;
        }
        await audit.AppendAsync(new AuditEvent("judging.judge-withdrawn", $"user:{judgeId}", "ok",
            $"released={released.Count} ({string.Join(",", released.Select(a => $"{a.SubmissionId}:{a.Review?.Status.ToString() ?? "unscored"}"))}); reassigned={added}"), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (RuleResult.Ok, added);
    }
}
