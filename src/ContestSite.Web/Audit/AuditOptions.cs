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
}

/// <summary>Stops the start with a message naming the setting when the retention is shorter than the law allows.</summary>
public sealed class AuditOptionsValidator : IValidateOptions<AuditOptions>
{
    public ValidateOptionsResult Validate(string? name, AuditOptions options) =>
        options.RetentionMonths < AuditOptions.MinimumRetentionMonths
            ? ValidateOptionsResult.Fail($"ContestSite__Audit__RetentionMonths must be at least {AuditOptions.MinimumRetentionMonths} " +
                $"(audit entries are kept at least six months; was {options.RetentionMonths}).")
            : ValidateOptionsResult.Success;
}
