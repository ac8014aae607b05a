namespace ContestSite.Core.Catalog.Import;

/// <summary>
/// What saving a batch does: <see cref="Inserts"/> are new entities to add; <see cref="Updates"/> are the
/// existing entities, already changed in place, to save; <see cref="Unchanged"/> were identical.
/// <see cref="Kept"/> lists the portal values not taken because an organizer decided that part here.
/// </summary>
public sealed record ImportPlan(IReadOnlyList<Dataset> Inserts, IReadOnlyList<Dataset> Updates, int Unchanged, IReadOnlyList<KeptDecision> Kept);

/// <summary>A portal value a re-import left alone because an organizer decided otherwise: for review, not applied.</summary>
public sealed record KeptDecision(Guid DatasetId, string Title, ClassificationFields Field, string PortalValue, string SiteValue);
