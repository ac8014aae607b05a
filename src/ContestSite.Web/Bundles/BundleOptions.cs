using Microsoft.Extensions.Options;

namespace ContestSite.Web.Bundles;

/// <summary>Settings of data bundles, bound from <c>ContestSite:Bundles</c> (env <c>ContestSite__Bundles__...</c>).</summary>
public sealed class BundleOptions
{
    public const string Section = "ContestSite:Bundles";

    /// <summary>
    /// Base64 key (16 bytes or more) of keyed-hash masking. Empty: a key is generated once and kept in the
    /// database, protected by the site's data-protection keys. Set it when masked files must join across sites.
    /// </summary>
    public string? MaskingKey { get; set; }

    /// <summary>风险预警: more than this many bytes downloaded by one account or team within the window raises a flag.</summary>
    public long RiskMaxBytes { get; set; } = 2L * 1024 * 1024 * 1024;

    /// <summary>More than this many downloads (files or bundles) within the window raises a flag.</summary>
    public int RiskMaxDownloads { get; set; } = 200;

    public TimeSpan RiskWindow { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Refused requests for restricted or prohibited files by one account or team within the window before a flag.</summary>
    public int RiskMaxRefused { get; set; } = 20;

    /// <summary>How long an approval lasts unless the organizer says otherwise.</summary>
    public int DefaultApprovalDays { get; set; } = 90;

    /// <summary>The days the experts are given to answer, as the organizer's request form proposes them.</summary>
    public int DefaultOpinionDays { get; set; } = 5;

    /// <summary>销毁: the days a team has, from the end of its approval, to attest that it deleted the restricted data it received.</summary>
    public int CloseOutDays { get; set; } = 14;

    /// <summary>How many days before the close-out deadline the captain is reminded (once); 0 sends no reminder.</summary>
    public int CloseOutReminderDays { get; set; } = 3;

    /// <summary>How often each node looks for ended approvals that now owe a close-out, and for reminders due.</summary>
    public TimeSpan CloseOutPollInterval { get; set; } = TimeSpan.FromMinutes(5);
}

/// <summary>Stops the site at start with a message naming the bundle setting that is wrong.</summary>
public sealed class BundleOptionsValidator : IValidateOptions<BundleOptions>
{
    public ValidateOptionsResult Validate(string? name, BundleOptions options)
    {
        var failures = new List<string>();
        if (!string.IsNullOrEmpty(options.MaskingKey) && MaskingKeySource.Decode(options.MaskingKey) is null)
            failures.Add("ContestSite__Bundles__MaskingKey must be base64 of at least 16 bytes.");
        if (options.RiskMaxBytes < 1) failures.Add("ContestSite__Bundles__RiskMaxBytes must be at least 1.");
        if (options.RiskMaxDownloads < 1) failures.Add("ContestSite__Bundles__RiskMaxDownloads must be at least 1.");
        if (options.RiskWindow <= TimeSpan.Zero) failures.Add("ContestSite__Bundles__RiskWindow must be positive.");
        if (options.RiskMaxRefused < 1) failures.Add("ContestSite__Bundles__RiskMaxRefused must be at least 1.");
        if (options.DefaultApprovalDays is < 1 or > Core.Bundles.AccessApplicationRules.MaxApprovalDays)
            failures.Add($"ContestSite__Bundles__DefaultApprovalDays must be between 1 and {Core.Bundles.AccessApplicationRules.MaxApprovalDays}.");
        if (options.DefaultOpinionDays is < 1 or > 60)
            failures.Add("ContestSite__Bundles__DefaultOpinionDays must be between 1 and 60.");
        if (options.CloseOutDays is < 1 or > 365) failures.Add("ContestSite__Bundles__CloseOutDays must be between 1 and 365.");
        if (options.CloseOutReminderDays < 0 || options.CloseOutReminderDays >= options.CloseOutDays)
            failures.Add("ContestSite__Bundles__CloseOutReminderDays must be from 0 (no reminder) to less than CloseOutDays.");
        if (options.CloseOutPollInterval < TimeSpan.FromSeconds(1) || options.CloseOutPollInterval > TimeSpan.FromHours(1))
            failures.Add("ContestSite__Bundles__CloseOutPollInterval must be from 00:00:01 to 01:00:00.");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
