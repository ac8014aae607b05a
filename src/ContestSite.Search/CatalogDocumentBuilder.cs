using ContestSite.Core.Catalog;
using Lucene.Net.Documents;
using Lucene.Net.Util;

namespace ContestSite.Search;

/// <summary>Turns a dataset into its index document following <see cref="CatalogFields"/>.</summary>
internal static class CatalogDocumentBuilder
{
    public static Document Build(Dataset dataset, AnalysisStrategy strategy)
    {
        var document = new Document
        {
            new StringField(CatalogFields.Id, IdTerm(dataset.Id), Field.Store.YES),
            new StoredField(CatalogFields.Title, dataset.Title),
            new StringField(CatalogFields.TitleKey, TitleSuggester.Key(dataset.Title), Field.Store.NO),
        };
        StoreIfPresent(document, CatalogFields.Description, dataset.Description);
        StoreIfPresent(document, CatalogFields.ProviderStored, dataset.Provider);
        StoreIfPresent(document, CatalogFields.RegionStored, dataset.Region);
        StoreIfPresent(document, CatalogFields.DomainStored, dataset.Domain);
        document.Add(new StoredField(CatalogFields.OpenTypeStored, dataset.OpenType.ToString()));
        document.Add(new StoredField(CatalogFields.OriginStored, dataset.Origin.ToString()));
        foreach (var tag in dataset.Tags)
        {
            document.Add(new StoredField(CatalogFields.Tags, tag));
        }
        foreach (var format in dataset.Formats)
        {
            document.Add(new StoredField(CatalogFields.FormatsStored, format));
        }
        if (dataset.LastUpdated is { } updated)
        {
            document.Add(new StoredField(CatalogFields.UpdatedStored, updated.UtcTicks));
        }

        CatalogFields.AddText(document, "title", dataset.Title, strategy);
        CatalogFields.AddText(document, "tags", string.Join(' ', dataset.Tags), strategy);
        CatalogFields.AddText(document, "provider", dataset.Provider, strategy);
        CatalogFields.AddText(document, "field_names", string.Join(' ', dataset.Fields.Select(f => f.Name)), strategy);
        CatalogFields.AddText(document, "desc", dataset.Description, strategy);

        foreach (var (facet, values) in CatalogFacetValues.Of(dataset))
        {
            AddFacet(document, facet, values);
        }

        document.Add(new NumericDocValuesField(CatalogFields.Updated, (dataset.LastUpdated ?? dataset.UpdatedAt).UtcTicks));
        document.Add(new NumericDocValuesField(CatalogFields.Downloads, dataset.DownloadCount));
        document.Add(new NumericDocValuesField(CatalogFields.Views, dataset.ViewCount));
        return document;
    }

    public static string IdTerm(Guid id) => id.ToString("N");

    private static void AddFacet(Document document, string facet, IReadOnlyList<string> values)
    {
        var field = FacetNames.DocValuesField(facet);
        foreach (var value in values)
        {
            document.Add(FacetNames.IsMultiValued(facet)
                ? new SortedSetDocValuesField(field, new BytesRef(value))
                : new SortedDocValuesField(field, new BytesRef(value)));
        }
    }

    private static void StoreIfPresent(Document document, string field, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            document.Add(new StoredField(field, value));
        }
    }
}
