using System.Text.Json;
using ContestSite.Core.Contests;
using ContestSite.Data;
using Microsoft.EntityFrameworkCore;

namespace ContestSite.Web.Setup;

/// <summary>The contest a step works on: <c>"year"</c> when given, otherwise the current one; for the recipe steps of every feature.</summary>
[ExtensionPoint]
public static class RecipeContests
{
    public static async Task<Contest> FindAsync(ContestDbContext db, JsonElement step, string stepName, RecipeContext context, CancellationToken cancellationToken)
    {
        var year = RecipeJson.Year(step, "year", stepName, context);
        var contests = db.Contests.AsNoTracking().Include(c => c.Tracks).Include(c => c.Rounds).AsSplitQuery();
        var contest = year != 0
            ? await contests.FirstOrDefaultAsync(c => c.Year == year, cancellationToken)
            : await contests.OrderByDescending(c => c.IsCurrent).ThenByDescending(c => c.Year).FirstOrDefaultAsync(cancellationToken);
        return contest ?? throw new RecipeStepException(year != 0 ? $"步骤 {stepName}：没有 {year} 年的赛事" : $"步骤 {stepName}：还没有赛事（先运行 contest 步骤）");
    }
}
