using System.ComponentModel.DataAnnotations;
using ContestSite.Core.Contests;
using ContestSite.Data;
using ContestSite.Web.Audit;
using Microsoft.EntityFrameworkCore;

namespace ContestSite.Web.Contests.UseCases;

/// <summary>Adds a round to the current contest, or changes one's name, order, dates and review settings.</summary>
public sealed class SaveRound(ContestDbContext db, CurrentContest current, IAuditLog audit)
{
    /// <summary>Null when there is no contest or no such round.</summary>
    public async Task<ContestChange?> SaveAsync(int? roundId, RoundInput input, CancellationToken cancellationToken = default)
    {
        var contest = await current.FindAsync(cancellationToken);
        if (contest is null) return null;
        var round = roundId is null ? new Round { Name = "", ContestId = contest.Id }
            : await db.Rounds.SingleOrDefaultAsync(r => r.Id == roundId && r.ContestId == contest.Id, cancellationToken);
        if (round is null) return null;
        if (!input.TryApply(round, out var timeError))
        {
            db.ChangeTracker.Clear();
            return ContestChange.Refused(timeError!);
        }
        var problems = ContestSchedule.Validate(round).ToList();
        if (contest.Rounds.Any(r => r.Sequence == round.Sequence && r.Id != round.Id)) problems.Add("已有相同顺序的轮次");
        if (problems.Count > 0)
        {
            db.ChangeTracker.Clear();
            return ContestChange.Refused(problems);
        }
        if (roundId is null) db.Rounds.Add(round);
        await audit.AppendAsync(() => new AuditEvent("contest.round-saved", $"round:{round.Id}", "ok",
            $"{round.Name}: submit {ContestTime.Display(round.SubmissionOpensAt)}–{ContestTime.Display(round.SubmissionClosesAt)}, review {ContestTime.Display(round.ReviewOpensAt)}–{ContestTime.Display(round.ReviewClosesAt)}"),
            CancellationToken.None);
        return ContestChange.Done(round.Id);
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
