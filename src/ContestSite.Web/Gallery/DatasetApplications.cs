using ContestSite.Data;
using ContestSite.Web.Catalog;
using Microsoft.EntityFrameworkCore;

namespace ContestSite.Web.Gallery;

/// <summary>
/// The published applications built on a dataset, for its catalogue page (CKAN's showcase): gallery entries whose
/// shown version declares the dataset, awarded ones first.
/// </summary>
public sealed class DatasetApplications(ContestDbContext db, GalleryReader reader) : IDatasetPageSectionProvider
{
    public const int Shown = 12;

    public async Task<DatasetPageSection?> ForDatasetAsync(Guid datasetId, CancellationToken cancellationToken)
    {
        var entries = await reader.Published()
            .Where(e => db.SubmissionVersions.Any(v => v.SubmissionId == e.SubmissionId && v.Number == e.VersionNumber && v.Datasets.Any(d => d.DatasetId == datasetId)))
            .OrderByDescending(e => e.AwardId != null).ThenByDescending(e => e.PublishedAt).ThenByDescending(e => e.Id)
            .Take(Shown).ToListAsync(cancellationToken);
        if (entries.Count == 0) return null;
        return new DatasetPageSection("/Gallery/_DatasetApplications.cshtml", await reader.CardsAsync(entries, cancellationToken), 100);
    }
}
