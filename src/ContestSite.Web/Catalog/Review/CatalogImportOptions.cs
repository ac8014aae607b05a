using Microsoft.Extensions.Options;

namespace ContestSite.Web.Catalog.Review;

/// <summary>The state in which an organizer's import brings new datasets in.</summary>
public enum ImportArrivalState
{
    /// <summary>Drafts: an organizer submits them for review.</summary>
    Draft,

    /// <summary>In review, submitted by the importing organizer: another organizer reviews them.</summary>
    InReview,
}

/// <summary>Settings of catalogue imports, bound from <c>ContestSite:Catalog:Import</c>.</summary>
public sealed class CatalogImportOptions
{
    public const string Section = "ContestSite:Catalog:Import";

    public ImportArrivalState ArriveAs { get; set; } = ImportArrivalState.Draft;
}

/// <summary>Stops the start with a message naming the setting when it is not one of the states.</summary>
public sealed class CatalogImportOptionsValidator : IValidateOptions<CatalogImportOptions>
{
    public ValidateOptionsResult Validate(string? name, CatalogImportOptions options) =>
        Enum.IsDefined(options.ArriveAs)
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"ContestSite__Catalog__Import__ArriveAs must be Draft or InReview (was {options.ArriveAs}).");
}

public static class CatalogImportOptionsRegistration
{
    public static IServiceCollection AddCatalogImportOptions(this IServiceCollection services)
    {
        services.AddOptions<CatalogImportOptions>().BindConfiguration(CatalogImportOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<CatalogImportOptions>, CatalogImportOptionsValidator>();
        return services;
    }
}
