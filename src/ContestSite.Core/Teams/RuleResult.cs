namespace ContestSite.Core.Teams;

/// <summary>
/// The answer of a rule: allowed, or refused with a message in Chinese (a localizer key) and its
/// arguments, which the site translates and formats (moments are shown in China time).
/// </summary>
public sealed record RuleResult(bool Allowed, string? Message, params object[] Arguments)
{
    public static readonly RuleResult Ok = new(true, null);
    public static RuleResult Refuse(string message, params object[] arguments) => new(false, message, arguments);
}
