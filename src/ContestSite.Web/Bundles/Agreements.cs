using ContestSite.Core.Bundles;
using ContestSite.Data;
using Microsoft.EntityFrameworkCore;

namespace ContestSite.Web.Bundles;

/// <summary>The versions in force of the data-use agreement and of each track's bundle terms: the newest published number.</summary>
public sealed class Agreements(ContestDbContext db)
{
    public Task<AgreementVersion?> CurrentAsync(AgreementKind kind, int? trackId = null, CancellationToken cancellationToken = default) =>
        db.AgreementVersions.AsNoTracking().Where(v => v.Kind == kind && v.TrackId == trackId)
            .OrderByDescending(v => v.Number).FirstOrDefaultAsync(cancellationToken);

    public Task<List<AgreementVersion>> HistoryAsync(AgreementKind kind, int? trackId = null, CancellationToken cancellationToken = default) =>
        db.AgreementVersions.AsNoTracking().Where(v => v.Kind == kind && v.TrackId == trackId)
            .OrderByDescending(v => v.Number).ToListAsync(cancellationToken);
}
