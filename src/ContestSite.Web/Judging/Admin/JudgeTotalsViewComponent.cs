using ContestSite.Web.Judging.UseCases;
using Microsoft.AspNetCore.Mvc;

namespace ContestSite.Web.Judging.Admin;

/// <summary>One entry's judge totals on the organizers' results page: the counted ones, then the excluded ones, marked.</summary>
public sealed record JudgeTotals(RoundReport Report, ResultRow Row, IReadOnlyList<ExcludedScore> Excluded);

/// <summary>
/// Renders <see cref="JudgeTotals"/>. Excluded scores (upheld conflicts) are not in the report, which counts only
/// what ranks; they are read here, once per round and request (<see cref="ExcludedScores"/>).
/// </summary>
public sealed class JudgeTotalsViewComponent(ExcludedScores excluded) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(RoundReport report, ResultRow row)
    {
        var mine = (await excluded.OfRoundAsync(report.Round.Id, HttpContext.RequestAborted)).Where(e => e.EntryId == row.EntryId).ToList();
        return View("/Judging/Admin/_JudgeTotals.cshtml", new JudgeTotals(report, row, mine));
    }
}
