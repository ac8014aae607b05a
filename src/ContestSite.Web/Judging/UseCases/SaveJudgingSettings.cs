using System.Globalization;
using ContestSite.Core.Judging;
using ContestSite.Core.Rules;
using ContestSite.Data;
using ContestSite.Web.Audit;
using Microsoft.EntityFrameworkCore;

namespace ContestSite.Web.Judging.UseCases;

/// <summary>A round's judging settings: advance by share, disagreement threshold, raw or normalised ranking, the 公示 period, comments shown to teams.</summary>
public sealed class SaveJudgingSettings(ContestDbContext db, IAuditLog audit)
{
    public async Task<RuleResult> RunAsync(int roundId, string? sharePercent, string? threshold, RankingMethod ranking,
        string? objectionDays = null, bool showCommentsToTeams = false, CancellationToken cancellationToken = default)
    {
        decimal? share = null;
        if (!string.IsNullOrWhiteSpace(sharePercent))
        {
            if (!decimal.TryParse(sharePercent, NumberStyles.Number, CultureInfo.InvariantCulture, out var parsed) || parsed is <= 0 or > 100)
                return RuleResult.Refuse("晋级比例须是大于 0 且不超过 100 的数字");
            share = parsed;
        }
        if (!decimal.TryParse(threshold, NumberStyles.Number, CultureInfo.InvariantCulture, out var limit) || limit is < 0 or > 100)
            return RuleResult.Refuse("分歧阈值须是 0 到 100 之间的数字");
        if (!Enum.IsDefined(ranking)) return RuleResult.Refuse("请选择排名方式");
        int? days = null;
        if (!string.IsNullOrWhiteSpace(objectionDays))
        {
            if (!int.TryParse(objectionDays, NumberStyles.None, CultureInfo.InvariantCulture, out var parsedDays) || parsedDays is < 1 or > 30)
                return RuleResult.Refuse("公示天数须是 1 到 30 之间的整数");
            days = parsedDays;
        }
        var settings = await db.RoundJudgingSettings.SingleOrDefaultAsync(s => s.RoundId == roundId, cancellationToken);
        if (settings is null) db.RoundJudgingSettings.Add(settings = new RoundJudgingSettings { RoundId = roundId });
        settings.AdvanceSharePercent = share;
        settings.DisagreementThreshold = limit;
        settings.Ranking = ranking;
        // Left empty, the period stays what it was (forms that do not show it keep it).
        if (days is { } d) settings.ObjectionDays = d;
        settings.ShowCommentsToTeams = showCommentsToTeams;
        await audit.AppendAsync(() => new AuditEvent("judging.settings-changed", $"round:{roundId}", "ok",
            $"share={share}; threshold={limit}; ranking={ranking}; objection days={settings.ObjectionDays}; comments to teams={showCommentsToTeams}"), cancellationToken);
        return RuleResult.Ok;
    }
}
