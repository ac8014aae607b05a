using ContestSite.Core.Catalog;

namespace ContestSite.Search;

/// <summary>
/// The database side of <see cref="IndexFollower"/>. The web layer implements it over EF Core:
/// CatalogChanges ordered by Id, Datasets with their fields, and the IndexCursor row of the index.
/// </summary>
public interface ICatalogChangeSource
{
    /// <summary>The last change id applied to this index; 0 when it never ran.</summary>
    Task<long> LoadCursorAsync(CancellationToken cancellationToken);

    /// <summary>Up to <paramref name="max"/> changes with Id &gt; <paramref name="cursor"/>, by Id ascending.</summary>
    Task<IReadOnlyList<CatalogChange>> ReadChangesAfterAsync(long cursor, int max, CancellationToken cancellationToken);

    /// <summary>The datasets that still exist among these ids, with their fields; missing ids were deleted.</summary>
    Task<IReadOnlyList<Dataset>> LoadDatasetsAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken);

    Task SaveCursorAsync(long cursor, CancellationToken cancellationToken);
}
