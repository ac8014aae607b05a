using System.Text.Json.Serialization;
using ContestSite.Core.Catalog;
using ContestSite.Data;
using ContestSite.Search;
using ContestSite.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace ContestSite.Web.Catalog;

/// <summary>The catalogue's JSON API: search with facets, one dataset, typeahead.</summary>
public static class CatalogApi
{
    public static IEndpointRouteBuilder MapCatalogApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/datasets").WithTags("Catalog").RequirePermission(CatalogPermissions.ViewCatalog);

        api.MapGet("/", (HttpRequest request, CatalogIndex index) => Search(index, CatalogSearchRequest.From(request.Query)))
            .WithName("SearchDatasets")
            .WithSummary("Searches the open-data catalogue")
            .WithDescription("q: words (Chinese is segmented); provider, region, domain, openType (Unconditional|Restricted|Prohibited), format, updateFrequency: filters, repeat a parameter to OR values, different parameters AND; sort: relevance|updated|downloads|views; page from 1; pageSize 1–100 (larger is capped). Highlights are HTML with <mark>, already encoded.");

        api.MapGet("/suggest", (string? q, CatalogIndex index) =>
                TypedResults.Ok(index.Searcher.Suggest(CatalogSearchRequest.Clean(q), 8).Select(s => new SuggestionItem(s.Id, s.Title))))
            .WithName("SuggestDatasetTitles")
            .WithSummary("Titles that start with (or contain) what was typed, for typeahead");

        api.MapGet("/{id:guid}", async Task<Results<Ok<DatasetRecord>, NotFound>> (Guid id, ContestDbContext db, CancellationToken cancellationToken) =>
            {
                var dataset = await db.Datasets.AsNoTracking().Include(d => d.Fields).Include(d => d.Resources).AsSplitQuery()
                    .SingleOrDefaultAsync(d => d.Id == id && d.Status == DatasetStatus.Published, cancellationToken);
                return dataset is null ? TypedResults.NotFound() : TypedResults.Ok(DatasetRecord.From(dataset));
            })
            .WithName("GetDataset")
            .WithSummary("One published dataset with its fields and files (files of prohibited datasets are never listed)");
        return endpoints;
    }

    private static Ok<SearchResponse> Search(CatalogIndex index, CatalogQuery query)
    {
        var result = index.Searcher.Search(query);
        return TypedResults.Ok(new SearchResponse(result.Total, result.Page, result.PageSize,
            result.Items.Select(h => new SearchItem(h.Id, h.Title, h.Description, h.Provider, h.Region, h.Domain, h.OpenType, h.Formats, h.Updated,
                new SearchHighlights(h.Highlights.Title, h.Highlights.Description), h.Origin)).ToList(),
            result.Facets.ToDictionary(f => f.Key, f => (IReadOnlyList<FacetItem>)f.Value.Select(v => new FacetItem(v.Value, v.Count)).ToList())));
    }

    public sealed record SearchResponse(int Total, int Page, int PageSize, IReadOnlyList<SearchItem> Items, IReadOnlyDictionary<string, IReadOnlyList<FacetItem>> Facets);
    public sealed record SearchItem(Guid Id, string Title, string? Description, string? Provider, string? Region, string? Domain,
        [property: JsonConverter(typeof(JsonStringEnumConverter<OpenType>))] OpenType OpenType, IReadOnlyList<string> Formats, DateTimeOffset? Updated, SearchHighlights Highlights,
        [property: JsonConverter(typeof(JsonStringEnumConverter<DatasetOrigin>))] DatasetOrigin Origin);
    public sealed record SearchHighlights(string Title, string? Description);
    public sealed record FacetItem(string Value, int Count);
    public sealed record SuggestionItem(Guid Id, string Title);

    public sealed record DatasetRecord(Guid Id, string Title, string? Description, string? Provider, string? Province, string? City, string? District,
        string? Domain, string? Industry, IReadOnlyList<string> Tags,
        [property: JsonConverter(typeof(JsonStringEnumConverter<OpenType>))] OpenType OpenType, string? OpenTypeLabel, int? SensitivityLevel,
        IReadOnlyList<string> Formats, IReadOnlyList<FieldRecord> Fields, long? RecordCount, string? UpdateFrequency,
        DateTimeOffset? FirstPublished, DateTimeOffset? LastUpdated, IReadOnlyList<ResourceRecord> Resources, long ViewCount, long DownloadCount,
        string? Source, string? SourceUrl,
        [property: JsonConverter(typeof(JsonStringEnumConverter<DatasetOrigin>))] DatasetOrigin Origin, string? Licence)
    {
        public static DatasetRecord From(Dataset d) => new(d.Id, d.Title, d.Description, d.Provider, d.Province, d.City, d.District, d.Domain, d.Industry,
            d.Tags, d.OpenType, d.OpenTypeLabel, d.SensitivityLevel, d.Formats,
            d.Fields.OrderBy(f => f.SortOrder).Select(f => new FieldRecord(f.Name, f.DataType, f.Description, f.IsSensitive)).ToList(),
            d.RecordCount, d.UpdateFrequency, d.FirstPublished, d.LastUpdated,
            d.OpenType == OpenType.Prohibited ? [] : d.Resources.Select(r => new ResourceRecord(r.Id, r.FileName, r.SizeBytes, r.Format)).ToList(),
            d.ViewCount, d.DownloadCount, d.Source, d.SourceUrl, d.Origin, d.Licence);
    }

    public sealed record FieldRecord(string Name, string? DataType, string? Description, bool IsSensitive);
    public sealed record ResourceRecord(int Id, string FileName, long SizeBytes, string? Format);
}
