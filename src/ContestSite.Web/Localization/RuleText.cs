using ContestSite.Core.Rules;
using Microsoft.Extensions.Localization;

namespace ContestSite.Web.Localization;

/// <summary>The translation of rule messages, for every feature: moments shown in China time, words translated before the message around them.</summary>
public static class RuleText
{
    public static string Localize(this IStringLocalizer localizer, RuleResult result) =>
        result.Message is null ? "" : localizer.Localize(result.Message, result.Arguments);

    public static string Localize(this IStringLocalizer localizer, string message, object[] arguments) =>
        localizer[message, Shown(arguments, words => localizer.Localize(words.Key, words.Arguments))].Value;

    /// <summary>The rule's message in the site's own language (Simplified Chinese), for the command line and the setup log.</summary>
    public static string Format(RuleResult result) => result.Message is null ? "" : Format(result.Message, result.Arguments);

    private static string Format(string message, object[] arguments) =>
        string.Format(System.Globalization.CultureInfo.InvariantCulture, message, Shown(arguments, words => Format(words.Key, words.Arguments)));

    /// <summary>The arguments as a message shows them: moments in China time, words in the language of the message.</summary>
    private static object[] Shown(object[] arguments, Func<LocalText, string> words) =>
        arguments.Select(a => a switch
        {
            DateTimeOffset moment => ContestTime.Display(moment),
            LocalText text => words(text),
            _ => a,
        }).ToArray();
}
