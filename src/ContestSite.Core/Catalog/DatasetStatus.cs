namespace ContestSite.Core.Catalog;

/// <summary>Only published datasets are listed and searchable.</summary>
public enum DatasetStatus
{
    Draft = 0,
    Published = 1,
}
