using ContestSite.Core.Contests;
using ContestSite.Core.Judging;
using ContestSite.Core.Submissions;
using ContestSite.Data;
using ContestSite.Web.Judging.UseCases;
using ContestSite.Web.Seasons;
using ContestSite.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ContestSite.Web.Judging.Admin;

/// <summary>Judging for organizers: each round's progress and the committee, with withdrawal.</summary>
[RequirePermission(JudgingPermissions.Manage)]
public sealed class IndexModel(ContestDbContext db, CurrentContest current, JudgePool pool, IStringLocalizerFactory localizers) : JudgingPageModel(localizers)
{
    public sealed record RoundLine(Round Round, int Entries, int Assignments, int Submitted);
    public sealed record JudgeLine(JudgeInfo Judge, int Assigned, int Submitted);

    public Contest? Contest { get; private set; }
    public IReadOnlyList<RoundLine> Rounds { get; private set; } = [];
    public IReadOnlyList<JudgeLine> Judges { get; private set; } = [];

    public async Task OnGetAsync()
    {
        Contest = await current.FindAsync();
        if (Contest is null) return;
        var lines = new List<RoundLine>();
        foreach (var round in Contest.Rounds)
            lines.Add(new RoundLine(round,
                await db.Submissions.CountAsync(s => s.RoundId == round.Id && s.Status == SubmissionStatus.Finalised),
                await db.Assignments.CountAsync(a => a.RoundId == round.Id),
                await db.Assignments.CountAsync(a => a.RoundId == round.Id && a.Review != null && a.Review.Status == ReviewStatus.Submitted)));
        Rounds = lines;
        var roundIds = Contest.Rounds.Select(r => r.Id).ToList();
        var counts = await db.Assignments.AsNoTracking().Where(a => roundIds.Contains(a.RoundId)).GroupBy(a => a.JudgeUserId)
            .Select(g => new { g.Key, Assigned = g.Count(), Submitted = g.Count(a => a.Review != null && a.Review.Status == ReviewStatus.Submitted) })
            .ToDictionaryAsync(g => g.Key);
        Judges = (await pool.JudgesAsync()).Select(j => new JudgeLine(j, counts.GetValueOrDefault(j.UserId)?.Assigned ?? 0, counts.GetValueOrDefault(j.UserId)?.Submitted ?? 0)).ToList();
    }

    public async Task<IActionResult> OnPostWithdrawAsync(string judgeId, [FromServices] WithdrawJudge withdraw)
    {
        var (result, reassigned) = await withdraw.RunAsync(judgeId);
        if (result.Allowed)
        {
            Announce("评委已退出评审，{0} 个评审任务已改派给其他评委。", reassigned);
            return Redirect("/admin/judging");
        }
        ShowRefusal(result);
        await OnGetAsync();
        return Page();
    }
}
