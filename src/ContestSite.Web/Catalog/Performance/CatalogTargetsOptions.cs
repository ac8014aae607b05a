using Microsoft.Extensions.Options;

namespace ContestSite.Web.Catalog.Performance;

/// <summary>
/// The plan's yearly targets of new open datasets (开放目录绩效), bound from <c>ContestSite:Catalog:Targets</c>
/// (env <c>ContestSite__Catalog__Targets__...</c>).
/// </summary>
public sealed class CatalogTargetsOptions
{
    public const string Section = "ContestSite:Catalog:Targets";
    public const int MaxTarget = 100_000;

    /// <summary>New datasets each provincial department (省级部门) opens in a year.</summary>
    public int ProvincialDepartment { get; set; } = 5;

    /// <summary>New datasets each city (设区市) opens in a year.</summary>
    public int City { get; set; } = 150;
}

/// <summary>Stops the site at start with a message naming the target that is wrong.</summary>
public sealed class CatalogTargetsOptionsValidator : IValidateOptions<CatalogTargetsOptions>
{
    public ValidateOptionsResult Validate(string? name, CatalogTargetsOptions options)
    {
        var failures = new List<string>();
        if (options.ProvincialDepartment is < 1 or > CatalogTargetsOptions.MaxTarget)
            failures.Add($"ContestSite__Catalog__Targets__ProvincialDepartment must be between 1 and {CatalogTargetsOptions.MaxTarget} (was {options.ProvincialDepartment}).");
        if (options.City is < 1 or > CatalogTargetsOptions.MaxTarget)
            failures.Add($"ContestSite__Catalog__Targets__City must be between 1 and {CatalogTargetsOptions.MaxTarget} (was {options.City}).");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
