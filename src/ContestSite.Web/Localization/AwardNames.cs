using ContestSite.Core.Judging;
using Microsoft.AspNetCore.Mvc.Localization;
using Microsoft.Extensions.Localization;

namespace ContestSite.Web.Localization;

/// <summary>
/// An award's name in the reader's language. The stored name is Chinese: a level's name (一等奖) is translated;
/// a special award keeps the name its organizers gave it (最佳数据应用奖), which has no translation.
/// </summary>
public static class AwardNames
{
    private static readonly HashSet<string> LevelNames =
        [.. Enum.GetValues<AwardLevel>().Where(l => l != AwardLevel.Special).Select(AwardLevelNames.Of)];

    public static string Shown(this IStringLocalizer localizer, string? name) =>
        name is null ? "" : LevelNames.Contains(name) ? localizer[name].Value : name;

    public static string Shown(this IHtmlLocalizer localizer, string? name) =>
        name is null ? "" : LevelNames.Contains(name) ? localizer.GetString(name).Value : name;
}
