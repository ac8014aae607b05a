using System.ComponentModel.DataAnnotations;
using ContestSite.Core.Contests;
using ContestSite.Core.Judging;
using ContestSite.Core.Rules;
using ContestSite.Data;
using ContestSite.Web.Audit;
using ContestSite.Web.Judging;
using ContestSite.Web.Seasons;
using Microsoft.EntityFrameworkCore;

namespace ContestSite.Web.Contests.UseCases;

/// <summary>
/// Adds a round to the current contest, or changes one's name, order, dates and review settings. The review's end
/// moves here only while review has not closed: closing early, extending after the close and reopening go through
/// the judging life cycle (<see cref="RoundStates"/>), with a reason, and published results keep their dates.
/// </summary>
public sealed class SaveRound(ContestDbContext db, CurrentContest current, RoundStates states, IAuditLog audit, TimeProvider clock)
{
    /// <summary>Null when there is no contest or no such round.</summary>
    public async Task<ChangeResult?> SaveAsync(int? roundId, RoundInput input, CancellationToken cancellationToken = default)
    {
        var contest = await current.FindAsync(cancellationToken);
        if (contest is null) return null;
        var round = roundId is null ? new Round { Name = "", ContestId = contest.Id }
            : await db.Rounds.SingleOrDefaultAsync(r => r.Id == roundId && r.ContestId == contest.Id, cancellationToken);
        if (round is null) return null;
        if (roundId is null) return await ApplyAsync(contest, round, null, input, cancellationToken);
        return await db.InTransactionAsync(async () =>
        {
            var (locked, published) = await states.LockAsync(round.Id, cancellationToken);
            return await ApplyAsync(contest, round, (locked, published?.Status), input, cancellationToken);
        }, cancellationToken);
    }

    private async Task<ChangeResult?> ApplyAsync(Contest contest, Round round, (Round Before, ResultsStatus? Results)? existing, RoundInput input, CancellationToken cancellationToken)
    {
        if (!input.TryApply(round, out var timeError))
        {
            db.ChangeTracker.Clear();
            return ChangeResult.Refuse(timeError!);
        }
        var problems = ContestSchedule.Validate(round).ToList();
        if (contest.Rounds.Any(r => r.Sequence == round.Sequence && r.Id != round.Id)) problems.Add("已有相同顺序的轮次");
        if (existing is var (before, results) && await ReviewDatesProblemAsync(before, results, round, cancellationToken) is { } datesProblem) problems.Add(datesProblem);
        var refusals = problems.Select(p => RuleResult.Refuse(p))
            .Concat(ContestSchedule.ValidateOrder(contest, contest.Rounds.Where(r => round.Id == 0 || r.Id != round.Id).Append(round))).ToList();
        if (refusals.Count > 0)
        {
            db.ChangeTracker.Clear();
            return new ChangeResult(0, refusals);
        }
        if (existing is null) db.Rounds.Add(round);
        await audit.AppendAsync(() => new AuditEvent("contest.round-saved", $"round:{round.Id}", "ok",
            $"{round.Name}: submit {ContestTime.Display(round.SubmissionOpensAt)}–{ContestTime.Display(round.SubmissionClosesAt)}, review {ContestTime.Display(round.ReviewOpensAt)}–{ContestTime.Display(round.ReviewClosesAt)}"),
            CancellationToken.None);
        return ChangeResult.Done(round.Id);
    }

    /// <summary>
    /// Review dates of a round that judges have scored in move only through the judging life cycle once they matter:
    /// a round set up from a template (nothing scored) keeps its dates free.
    /// </summary>
    private async Task<string?> ReviewDatesProblemAsync(Round before, ResultsStatus? results, Round after, CancellationToken cancellationToken)
    {
        if (before.ReviewOpensAt == after.ReviewOpensAt && before.ReviewClosesAt == after.ReviewClosesAt) return null;
        if (results is not null) return "本轮结果已发布，评审时间不能在此修改；如需重新评审，请在评审管理中重新开放评审";
        var scored = await db.Reviews.AnyAsync(r => r.Status == ReviewStatus.Submitted && db.Assignments.Any(a => a.Id == r.AssignmentId && a.RoundId == before.Id), cancellationToken);
        if (!scored) return null;
        var now = clock.GetUtcNow();
        if (now >= before.ReviewClosesAt) return "本轮评审已截止，评分已冻结：延长或重新开放评审须在评审管理中填写原因";
        if (after.ReviewClosesAt <= now) return "提前截止评审须在评审管理中填写原因";
        return null;
    }
}

public sealed class RoundInput
{
    [Required(ErrorMessage = "轮次名称不能为空"), StringLength(100, ErrorMessage = "轮次名称不能超过 100 个字符")] public string Name { get; set; } = "";
    [Range(1, 20, ErrorMessage = "顺序须在 1 到 20 之间")] public int Sequence { get; set; } = 1;
    [Required(ErrorMessage = "请填写提交开始时间")] public string SubmissionOpensAt { get; set; } = "";
    [Required(ErrorMessage = "请填写提交截止时间")] public string SubmissionClosesAt { get; set; } = "";
    [Required(ErrorMessage = "请填写评审开始时间")] public string ReviewOpensAt { get; set; } = "";
    [Required(ErrorMessage = "请填写评审截止时间")] public string ReviewClosesAt { get; set; } = "";
    [Range(1, 20, ErrorMessage = "每件作品的评委人数须在 1 到 20 之间")] public int JudgesPerEntry { get; set; } = 3;
    [Range(0, 100000, ErrorMessage = "晋级数量不能为负数")] public int? AdvanceCount { get; set; }
    public bool BlindReview { get; set; }

    public static RoundInput From(Round r) => new()
    {
        Name = r.Name, Sequence = r.Sequence,
        SubmissionOpensAt = ContestTime.ToInput(r.SubmissionOpensAt), SubmissionClosesAt = ContestTime.ToInput(r.SubmissionClosesAt),
        ReviewOpensAt = ContestTime.ToInput(r.ReviewOpensAt), ReviewClosesAt = ContestTime.ToInput(r.ReviewClosesAt),
        JudgesPerEntry = r.JudgesPerEntry, AdvanceCount = r.AdvanceCount, BlindReview = r.BlindReview,
    };

    public bool TryApply(Round round, out string? error)
    {
        error = null;
        if (!ContestTime.TryParseInput(SubmissionOpensAt, out var so) || !ContestTime.TryParseInput(SubmissionClosesAt, out var sc)
            || !ContestTime.TryParseInput(ReviewOpensAt, out var ro) || !ContestTime.TryParseInput(ReviewClosesAt, out var rc))
        {
            error = ContestTime.FirstInputProblem(SubmissionOpensAt, SubmissionClosesAt, ReviewOpensAt, ReviewClosesAt);
            return false;
        }
        round.Name = Name.Trim();
        round.Sequence = Sequence;
        (round.SubmissionOpensAt, round.SubmissionClosesAt, round.ReviewOpensAt, round.ReviewClosesAt) = (so, sc, ro, rc);
        (round.JudgesPerEntry, round.AdvanceCount, round.BlindReview) = (JudgesPerEntry, AdvanceCount, BlindReview);
        return true;
    }
}
