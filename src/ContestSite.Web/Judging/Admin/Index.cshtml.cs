using ContestSite.Core.Contests;
using ContestSite.Core.Judging;
using ContestSite.Core.Submissions;
using ContestSite.Data;
using ContestSite.Web.Judging.UseCases;
using ContestSite.Web.Localization;
using ContestSite.Web.Seasons;
using ContestSite.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ContestSite.Web.Judging.Admin;

/// <summary>
/// Judging for organizers: the conflict requests to decide, each round's progress, the committee with withdrawal,
/// and raising a conflict for a judge (the only way once review has closed).
/// </summary>
[RequirePermission(JudgingPermissions.Manage)]
public sealed class IndexModel(ContestDbContext db, CurrentContest current, JudgePool pool, ConflictRequests requests, IStringLocalizerFactory localizers) : JudgingPageModel(localizers)
{
    public sealed record RoundLine(Round Round, int Entries, int Assignments, int Submitted);
    public sealed record JudgeLine(JudgeInfo Judge, int Assigned, int Submitted);

    public Contest? Contest { get; private set; }
    public IReadOnlyList<RoundLine> Rounds { get; private set; } = [];
    public IReadOnlyList<JudgeLine> Judges { get; private set; } = [];
    public IReadOnlyList<ConflictRequest> Requests { get; private set; } = [];
    public int RequestCount { get; private set; }

    public async Task OnGetAsync()
    {
        RequestCount = await requests.CountAsync();
        Requests = RequestCount == 0 ? [] : await requests.PendingAsync();
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

    public async Task<IActionResult> OnPostDecideAsync(int conflictId, bool uphold, string? decision, [FromServices] DecideConflict decide)
    {
        var outcome = await decide.RunAsync(conflictId, uphold, decision, UserId);
        if (!outcome.Result.Allowed) return await RefuseAsync(outcome.Result);
        if (!uphold) Announce("已驳回该利益冲突申请：评分仍计入，已通知评委。");
        else AnnounceExclusion("已支持该利益冲突申请：评分已排除，已通知评委。", outcome);
        return Redirect("/admin/judging");
    }

    public async Task<IActionResult> OnPostRaiseAsync(string? judgeEmail, int submissionId, string? reason, [FromServices] RaiseConflict raise)
    {
        var outcome = await raise.RunAsync(judgeEmail, submissionId, reason, UserId);
        if (!outcome.Result.Allowed) return await RefuseAsync(outcome.Result);
        AnnounceExclusion("已登记利益冲突：该评委在这件作品上的评分（如有）已排除。", outcome);
        return Redirect("/admin/judging");
    }

    /// <summary>The success message, and what came of giving the entry another judge while review is open.</summary>
    private void AnnounceExclusion(string done, ConflictOutcome outcome)
    {
        if (outcome.Reassignment is { Allowed: false } failed) Announce("{0} 但未能自动改派评委：{1}", Text[done].Value, Text.Localize(failed));
        else if (outcome.Reassigned > 0) Announce("{0} 已为作品改派 {1} 位评委。", Text[done].Value, outcome.Reassigned);
        else Announce(done);
    }

    private async Task<IActionResult> RefuseAsync(Core.Rules.RuleResult result)
    {
        ShowRefusal(result);
        db.ChangeTracker.Clear();
        await OnGetAsync();
        return Page();
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
