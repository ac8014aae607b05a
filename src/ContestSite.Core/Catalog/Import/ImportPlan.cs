namespace ContestSite.Core.Catalog.Import;

/// <summary>
/// What saving a batch does: <see cref="Inserts"/> are new entities to add; <see cref="Updates"/> are the
/// existing entities, already changed in place, to save; <see cref="Unchanged"/> were identical.
/// </summary>
public sealed record ImportPlan(IReadOnlyList<Dataset> Inserts, IReadOnlyList<Dataset> Updates, int Unchanged);
