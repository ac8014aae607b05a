namespace ContestSite.Core.Catalog;

/// <summary>
/// Where a dataset stands on its way to the public (开放前评估审查): a draft is edited, a dataset in review waits for a
/// second organizer's assessment, and only a published one is listed, searchable, bundled and served.
/// The numbers are stored: Draft and Published keep theirs from before review existed.
/// </summary>
public enum DatasetStatus
{
    Draft = 0,
    Published = 1,
    InReview = 2,
}
