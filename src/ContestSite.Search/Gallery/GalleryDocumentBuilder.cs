using System.Globalization;
using Lucene.Net.Documents;

namespace ContestSite.Search.Gallery;

/// <summary>Turns a gallery entry into its index document following <see cref="GalleryFields"/>.</summary>
internal static class GalleryDocumentBuilder
{
    public static Document Build(GalleryDocument entry, AnalysisStrategy strategy)
    {
        var document = new Document
        {
            new StringField(GalleryFields.Id, IdTerm(entry.Id), Field.Store.YES),
            new StoredField(GalleryFields.Stamp, entry.Stamp),
            new StringField(GalleryFields.Year, entry.Year.ToString(CultureInfo.InvariantCulture), Field.Store.NO),
            new StringField(GalleryFields.Track, entry.TrackId.ToString(CultureInfo.InvariantCulture), Field.Store.NO),
            new NumericDocValuesField(GalleryFields.Published, entry.PublishedAt.UtcTicks),
            new NumericDocValuesField(GalleryFields.IdOrder, entry.Id),
        };
        if (!string.IsNullOrEmpty(entry.Award))
        {
            document.Add(new StringField(GalleryFields.Award, entry.Award, Field.Store.NO));
        }
        if (!string.IsNullOrEmpty(entry.Domain))
        {
            document.Add(new StringField(GalleryFields.Domain, entry.Domain, Field.Store.NO));
        }

        CatalogFields.AddText(document, "title", entry.Title, strategy);
        CatalogFields.AddText(document, "team", entry.TeamName, strategy);
        CatalogFields.AddText(document, "domain_text", entry.Domain, strategy);
        CatalogFields.AddText(document, "track_text", entry.TrackName, strategy);
        CatalogFields.AddText(document, "award_text", entry.AwardName, strategy);
        CatalogFields.AddText(document, "text", entry.Text, strategy);
        return document;
    }

    public static string IdTerm(int id) => id.ToString(CultureInfo.InvariantCulture);
}
