using ContestSite.Core.Contests;
using ContestSite.Core.Judging;
using ContestSite.Core.Rules;
using ContestSite.Data;
using ContestSite.Web.Judging.UseCases;
using ContestSite.Web.Seasons;
using ContestSite.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ContestSite.Web.Judging.Admin;

/// <summary>
/// A round's results for organizers: ranking per track, disagreement, advancement, awards, charts and exports, and
/// the round's life cycle (close review, publish provisional results, correct them, finalise). Irreversible steps
/// come back as a confirmation page naming the consequence before they are done.
/// </summary>
[RequirePermission(JudgingPermissions.Manage)]
public sealed class ResultsModel(ContestDbContext db, CurrentContest current, RoundResults results, RoundStates states, TimeProvider clock,
    IStringLocalizerFactory localizers) : JudgingPageModel(localizers)
{
    /// <summary>A step waiting for the organizer's confirmation: the handler to post again, what it does, the fields to carry.</summary>
    public sealed record PendingStep(string Handler, string Title, string Consequence, object[] Arguments, IReadOnlyDictionary<string, string> Fields);

    public Contest Contest { get; private set; } = null!;
    public Round Round { get; private set; } = null!;
    public RoundReport Report { get; private set; } = null!;
    public RoundPhase Phase { get; private set; }
    public ResultsPublication? Current { get; private set; }
    public IReadOnlyList<ResultsPublication> History { get; private set; } = [];
    public int OpenObjections { get; private set; }
    public PendingStep? Confirmation { get; private set; }
    public DateTimeOffset Now => clock.GetUtcNow();

    public async Task<IActionResult> OnGetAsync([FromRoute] int id) => await LoadAsync(id) ?? Page();

    public Task<IActionResult> OnPostAdvanceTopAsync([FromRoute] int id, [FromServices] AdvanceEntries advance) =>
        ActAsync(id, async () => { var (r, n) = await advance.TopAsync(Contest, Round); return (r, "{0} 件作品已晋级。", [n]); });

    public Task<IActionResult> OnPostAdvanceAsync([FromRoute] int id, int submissionId, bool advance, [FromServices] AdvanceEntries entries) =>
        ActAsync(id, async () => (await entries.OneAsync(Contest, Round, submissionId, advance), advance ? "作品已晋级。" : "已撤销晋级。", []));

    public Task<IActionResult> OnPostAwardAsync([FromRoute] int id, int submissionId, AwardLevel level, string? name, [FromServices] ManageAwards awards) =>
        ActAsync(id, async () => (await awards.AddAsync(Contest, Round, submissionId, level, name), "奖项已添加（尚未发布）。", []));

    public Task<IActionResult> OnPostRemoveAwardAsync([FromRoute] int id, int awardId, [FromServices] ManageAwards awards) =>
        ActAsync(id, async () => (await awards.RemoveAsync(Round, awardId), "奖项已撤销。", []));

    public Task<IActionResult> OnPostCloseReviewAsync([FromRoute] int id, string? reason, bool confirmed, [FromServices] ReviewWindow window) =>
        ConfirmedAsync(id, confirmed, () => new PendingStep("CloseReview", "截止评审",
                "截止后所有评委都不能再提交、修改或撤回评分（评分冻结）；如需改动，只能由组织者说明原因后重新开放。原因：{0}", [reason ?? ""], Fields(("reason", reason))),
            async () => (await window.CloseNowAsync(id, reason), "评审已截止，评分已冻结。", []));

    public Task<IActionResult> OnPostExtendReviewAsync([FromRoute] int id, string? until, string? reason, bool confirmed, [FromServices] ReviewWindow window) =>
        ConfirmedAsync(id, confirmed, () => Phase is not RoundPhase.Provisional ? null : new PendingStep("ExtendReview", "重新开放评审",
                "重新开放后评委可以再修改评分，直到 {0}；正在公示的结果将被撤回，奖项取消发布，评审结束后须重新发布公示。原因：{1}", [until ?? "", reason ?? ""], Fields(("until", until), ("reason", reason))),
            async () =>
            {
                if (!ContestTime.TryParseInput(until, out var moment)) return (RuleResult.Refuse("请填写新的评审截止时间"), "", []);
                return (await window.ExtendAsync(id, moment, reason), "评审截止时间已改为 {0}。", [moment]);
            });

    public Task<IActionResult> OnPostPublishAsync([FromRoute] int id, bool confirmed, [FromServices] PublishResults publish) =>
        ConfirmedAsync(id, confirmed, () => new PendingStep("Publish", "发布公示结果",
                "排名、晋级名单和奖项将按当前评分生成快照并向公众公示 {0} 天，各团队将收到邮件；公示期内参赛团队可以提出异议。之后的任何改动都只能以“更正”形式公开发布，并注明原因。", [Report.Settings.ObjectionDays], Fields()),
            async () => (await publish.ProvisionalAsync(Contest, id, UserId, null), "结果已发布公示，并通知各参赛团队。", []));

    public Task<IActionResult> OnPostCorrectAsync([FromRoute] int id, string? reason, bool confirmed, [FromServices] PublishResults publish) =>
        ConfirmedAsync(id, confirmed, () => new PendingStep("Correct", "发布更正",
                "按当前评分、晋级和奖项生成新的公示版本，替换正在公示的版本；更正原因和改动内容将公开显示，各团队将收到邮件。原因：{0}", [reason ?? ""], Fields(("reason", reason))),
            async () => (await publish.ProvisionalAsync(Contest, id, UserId, reason ?? ""), "更正已发布。", []));

    public Task<IActionResult> OnPostFinaliseAsync([FromRoute] int id, bool confirmed, [FromServices] PublishResults publish) =>
        ConfirmedAsync(id, confirmed, () => new PendingStep("Finalise", "确定最终结果",
                "确定后本轮结果（排名、晋级、奖项）不能再做任何更改，评审不能重新开放；获奖团队可以下载获奖证书。", [], Fields()),
            async () => (await publish.FinaliseAsync(Contest, id, UserId), "本轮结果已确定。", []));

    private static Dictionary<string, string> Fields(params (string Name, string? Value)[] fields) =>
        fields.Where(f => f.Value is not null).ToDictionary(f => f.Name, f => f.Value!);

    /// <summary>An irreversible step: without the confirmation it shows what will happen, and does nothing.</summary>
    private async Task<IActionResult> ConfirmedAsync(int id, bool confirmed, Func<PendingStep?> step, Func<Task<(RuleResult Result, string Success, object[] Arguments)>> action)
    {
        // Confirmed, the step is done at once: the report the confirmation page would show is not computed for nothing.
        if (confirmed) return await ActAsync(id, action);
        if (await LoadAsync(id) is { } notFound) return notFound;
        if (step() is not { } pending) return await ActAsync(id, action);
        Confirmation = pending;
        return Page();
    }

    private async Task<IActionResult> ActAsync(int id, Func<Task<(RuleResult Result, string Success, object[] Arguments)>> action)
    {
        if (await FindRoundAsync(id) is { } notFound) return notFound;
        var (result, success, arguments) = await action();
        if (result.Allowed)
        {
            Announce(success, arguments);
            return Redirect($"/admin/judging/rounds/{id}/results");
        }
        ShowRefusal(result);
        db.ChangeTracker.Clear();
        return await LoadAsync(id) ?? Page();
    }

    private async Task<IActionResult?> FindRoundAsync(int id)
    {
        var contest = await current.FindAsync();
        var round = contest?.Rounds.FirstOrDefault(r => r.Id == id);
        if (round is null) return NotFound();
        (Contest, Round) = (contest!, round);
        Current = await states.CurrentPublicationAsync(id);
        Phase = RoundLifecycle.PhaseOf(round, Current?.Status, clock.GetUtcNow());
        return null;
    }

    private async Task<IActionResult?> LoadAsync(int id)
    {
        if (await FindRoundAsync(id) is { } notFound) return notFound;
        Report = await results.ReportAsync(Round);
        History = await db.ResultsPublications.AsNoTracking().Where(p => p.RoundId == id).OrderByDescending(p => p.Version).ToListAsync();
        OpenObjections = await db.Objections.CountAsync(o => o.RoundId == id && o.Status == ObjectionStatus.Open);
        return null;
    }
}
