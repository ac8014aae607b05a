using ContestSite.Core.Catalog;

namespace ContestSite.Search;

/// <summary>A dataset as a search result lists it, read from the index alone.</summary>
public sealed record CatalogHit(
    Guid Id,
    string Title,
    string? Description,
    string? Provider,
    string? Region,
    string? Domain,
    OpenType OpenType,
    IReadOnlyList<string> Formats,
    DateTimeOffset? Updated,
    HitHighlights Highlights,
    DatasetOrigin Origin = DatasetOrigin.Government);
