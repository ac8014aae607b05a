using System.Globalization;

namespace ContestSite.Core.Rules;

/// <summary>
/// The answer of a rule: allowed, or refused with a message in Chinese (a localizer key) and its
/// arguments, which the site translates and formats (moments are shown in China time).
/// </summary>
public sealed record RuleResult(bool Allowed, string? Message, params object[] Arguments)
{
    public static readonly RuleResult Ok = new(true, null);
    public static RuleResult Refuse(string message, params object[] arguments) => new(false, message, arguments);

    /// <summary>The message formatted in Chinese, untranslated (for checks and records that stay in Chinese).</summary>
    public string? ChineseText => Message is null ? null : Arguments.Length == 0 ? Message : string.Format(CultureInfo.InvariantCulture, Message, Arguments);
}

/// <summary>
/// An argument of a rule message that is itself words (a kind of file, "{0} 字节"): a localizer key with its
/// own arguments, translated before the message around it is formatted. Reads as its Chinese text.
/// </summary>
public sealed record LocalText(string Key, params object[] Arguments)
{
    public override string ToString() => Arguments.Length == 0 ? Key : string.Format(CultureInfo.InvariantCulture, Key, Arguments);
}
