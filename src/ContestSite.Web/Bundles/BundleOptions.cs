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
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
