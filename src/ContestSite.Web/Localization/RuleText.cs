using ContestSite.Core.Rules;
using Microsoft.Extensions.Localization;

namespace ContestSite.Web.Localization;

/// <summary>The translation of rule messages, for every feature: moments shown in China time, words translated before the message around them.</summary>
public static class RuleText
{
    public static string Localize(this IStringLocalizer localizer, RuleResult result) =>
        result.Message is null ? "" : localizer.Localize(result.Message, result.Arguments);

    public static string Localize(this IStringLocalizer localizer, string message, object[] arguments) =>
        localizer[message, arguments.Select(a => a switch
        {
            DateTimeOffset moment => ContestTime.Display(moment),
            LocalText words => localizer.Localize(words.Key, words.Arguments),
            _ => a,
        }).ToArray()].Value;
}
