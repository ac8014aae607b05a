using ContestSite.Core.Rules;

namespace ContestSite.Web.Files;

/// <summary>The verdict on one uploaded file: what it is, and either accepted or a message the user can act on.</summary>
public sealed record FileCheck(DetectedFileType Detected, RuleResult? Reason)
{
    public bool IsAccepted => Reason is null;

    /// <summary>The refusal in Chinese; users get <see cref="Reason"/> translated.</summary>
    public string? Refusal => Reason?.ChineseText;

    /// <summary>The type to store and serve the file with (null when refused).</summary>
    public string? ContentType => IsAccepted ? Detected.ContentType() : null;

    public static FileCheck Accept(DetectedFileType detected) => new(detected, null);

    public static FileCheck Refuse(DetectedFileType detected, RuleResult refusal) => new(detected, refusal);
}
