using Microsoft.Extensions.Options;

namespace ContestSite.Web.Audit;

/// <summary>
/// Settings of the audit log, bound from <c>ContestSite:Audit</c>. The site itself never deletes or edits
/// an entry: <see cref="RetentionMonths"/> is the least time entries must be kept, shown to organizers and
/// binding on any archiving an operator does outside the site (the law asks for at least six months of logs).
/// </summary>
public sealed class AuditOptions
{
    public const string Section = "ContestSite:Audit";
    public const int MinimumRetentionMonths = 6;

    public int RetentionMonths { get; set; } = 12;

    /// <summary>
    /// Chain keys given by the operator, <c>id=base64;id=base64</c> (32 bytes or more each), the last one writes.
    /// Empty: the site keeps its own keys in <see cref="KeyFolder"/>, protected by the data-protection keys.
    /// </summary>
    public string? ChainKeys { get; set; }

    /// <summary>Where the site's own chain keys and the anchor live; empty: <c>App_Data/audit</c>.</summary>
    public string? KeyFolder { get; set; }

    /// <summary>The append-only file outside the database that records the chain head after every append; empty: <c>audit/anchor.log</c> in <see cref="KeyFolder"/>.</summary>
    public string? AnchorFile { get; set; }

    /// <summary>The hour (China time) the daily digest of the chain head is mailed to organizers.</summary>
    public int DigestHour { get; set; } = 8;
}

/// <summary>Stops the start with a message naming the setting when a value is out of range.</summary>
public sealed class AuditOptionsValidator : IValidateOptions<AuditOptions>
{
    public ValidateOptionsResult Validate(string? name, AuditOptions options)
    {
        if (options.RetentionMonths < AuditOptions.MinimumRetentionMonths)
            return ValidateOptionsResult.Fail($"ContestSite__Audit__RetentionMonths must be at least {AuditOptions.MinimumRetentionMonths} " +
                $"(audit entries are kept at least six months; was {options.RetentionMonths}).");
        if (options.DigestHour is < 0 or > 23)
            return ValidateOptionsResult.Fail($"ContestSite__Audit__DigestHour must be an hour from 0 to 23 (was {options.DigestHour}).");
        if (!string.IsNullOrWhiteSpace(options.ChainKeys) && AuditChainKeys.ParseSetting(options.ChainKeys).Problem is { } problem)
            return ValidateOptionsResult.Fail($"ContestSite__Audit__ChainKeys: {problem}");
        return ValidateOptionsResult.Success;
    }
}
