using ContestSite.Core.Contests;
using ContestSite.Core.Judging;
using ContestSite.Core.Rules;
using ContestSite.Web.Judging.UseCases;
using ContestSite.Web.Seasons;
using ContestSite.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace ContestSite.Web.Judging.Admin;

/// <summary>A round's results for organizers: ranking per track, disagreement, advancement, awards, charts and exports.</summary>
[RequirePermission(JudgingPermissions.Manage)]
public sealed class ResultsModel(CurrentContest current, RoundResults results, IStringLocalizerFactory localizers) : JudgingPageModel(localizers)
{
    public Contest Contest { get; private set; } = null!;
    public Round Round { get; private set; } = null!;
    public RoundReport Report { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync([FromRoute] int id) => await LoadAsync(id) ?? Page();

    public Task<IActionResult> OnPostAdvanceTopAsync([FromRoute] int id, [FromServices] AdvanceEntries advance) =>
        ActAsync(id, async () => { var (r, n) = await advance.TopAsync(Contest, Round); return (r, "{0} 件作品已晋级。", [n]); });

    public Task<IActionResult> OnPostAdvanceAsync([FromRoute] int id, int submissionId, bool advance, [FromServices] AdvanceEntries entries) =>
        ActAsync(id, async () => (await entries.OneAsync(Contest, Round, submissionId, advance), advance ? "作品已晋级。" : "已撤销晋级。", []));

    public Task<IActionResult> OnPostAwardAsync([FromRoute] int id, int submissionId, AwardLevel level, string? name, [FromServices] ManageAwards awards) =>
        ActAsync(id, async () => (await awards.AddAsync(Contest, Round, submissionId, level, name), "奖项已添加（尚未发布）。", []));

    public Task<IActionResult> OnPostRemoveAwardAsync([FromRoute] int id, int awardId, [FromServices] ManageAwards awards) =>
        ActAsync(id, async () => (await awards.RemoveAsync(Round, awardId), "奖项已撤销。", []));

    public Task<IActionResult> OnPostPublishAsync([FromRoute] int id, [FromServices] ManageAwards awards) =>
        ActAsync(id, async () => { var (r, n) = await awards.PublishAsync(Round); return (r, "已发布 {0} 个奖项，并通知获奖团队。", [n]); });

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
        return await LoadAsync(id) ?? Page();
    }

    private async Task<IActionResult?> FindRoundAsync(int id)
    {
        var contest = await current.FindAsync();
        var round = contest?.Rounds.FirstOrDefault(r => r.Id == id);
        if (round is null) return NotFound();
        (Contest, Round) = (contest!, round);
        return null;
    }

    private async Task<IActionResult?> LoadAsync(int id)
    {
        if (await FindRoundAsync(id) is { } notFound) return notFound;
        Report = await results.ReportAsync(Round);
        return null;
    }
}
