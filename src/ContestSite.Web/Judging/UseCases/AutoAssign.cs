using ContestSite.Core.Contests;
using ContestSite.Core.Judging;
using ContestSite.Core.Rules;
using ContestSite.Core.Submissions;
using ContestSite.Data;
using ContestSite.Web.Audit;
using ContestSite.Web.Judging.Mail;
using ContestSite.Web.Seasons;
using Microsoft.EntityFrameworkCore;

namespace ContestSite.Web.Judging.UseCases;

/// <summary>
/// One click: gives every finalised entry of the round the judges it still needs (see <see cref="Assigner"/>);
/// in a later round only the entries of teams advanced into it (<see cref="RoundEntrants"/>).
/// Refuses with a message and changes nothing when some entry cannot get enough unconflicted judges. Each judge who
/// got entries is mailed once (<see cref="AssignmentMail"/>), in the same transaction.
/// </summary>
public sealed class AutoAssign(ContestDbContext db, JudgePool pool, AssignmentMail mail, IAuditLog audit, TimeProvider clock)
{
    public async Task<(RuleResult Result, int Added)> RunAsync(Round round, CancellationToken cancellationToken = default)
    {
        var (result, added) = await PlanAsync(round, cancellationToken);
        if (!result.Allowed) return (result, 0);
        var now = clock.GetUtcNow();
        db.Assignments.AddRange(added.Select(p => new Assignment { RoundId = round.Id, SubmissionId = p.EntryId, JudgeUserId = p.JudgeId, AssignedAt = now }));
        if (added.Count > 0)
        {
            await mail.EnqueueAsync(round, added.Select(p => p.JudgeId), cancellationToken);
            await audit.AppendAsync(new AuditEvent("judging.assigned", $"round:{round.Id}", "ok",
                $"added={added.Count}; " + string.Join(";", added.Take(200).Select(p => $"{p.EntryId}:{p.JudgeId}"))), cancellationToken);
        }
        db.ChangeTracker.Clear();
        return (RuleResult.Ok, added.Count);
    }

    /// <summary>The pairs that would be added, from the judges who have not withdrawn.</summary>
    public async Task<(RuleResult Result, IReadOnlyList<(string JudgeId, int EntryId)> Added)> PlanAsync(Round round, CancellationToken cancellationToken = default)
    {
        var judges = (await pool.JudgesAsync(cancellationToken)).Where(j => !j.Withdrawn).ToList();
        var entries = await EntriesAsync(round, cancellationToken);
        if (entries.Count == 0) return (RuleResult.Refuse("本轮还没有已定稿的作品"), []);
        var conflicts = await pool.ConflictsAsync(round.Id, judges, cancellationToken);
        // An excluded score (an upheld conflict) keeps its assignment as a record, but the entry needs a judge in its place.
        var existing = await db.Assignments.AsNoTracking().Where(a => a.RoundId == round.Id && (a.Review == null || a.Review.ExcludedAt == null))
            .Select(a => new { a.JudgeUserId, a.SubmissionId }).ToListAsync(cancellationToken);
        var plan = Assigner.Assign(new AssignRequest(entries, judges.Select(j => new AssignJudge(j.UserId, j.Tags)).ToList(),
            round.JudgesPerEntry, conflicts, existing.Select(e => (e.JudgeUserId, e.SubmissionId)).ToList()));
        return plan.Succeeded ? (RuleResult.Ok, plan.Added) : (plan.Decision, []);
    }

    private async Task<List<AssignEntry>> EntriesAsync(Round round, CancellationToken cancellationToken)
    {
        var rows = await db.Submissions.AsNoTracking().Where(s => s.RoundId == round.Id && s.Status == SubmissionStatus.Finalised).OfEntrants(db, round)
            .Select(s => new
            {
                s.Id,
                Track = db.Tracks.Where(t => t.Id == s.TrackId).Select(t => t.Name).FirstOrDefault(),
                Category = s.Versions.Where(v => v.Number == s.CurrentVersionNumber).Select(v => v.Category).FirstOrDefault(),
            })
            .OrderBy(s => s.Id).ToListAsync(cancellationToken);
        return rows.Select(r => new AssignEntry(r.Id, new[] { r.Track, r.Category }.OfType<string>().ToList())).ToList();
    }
}
