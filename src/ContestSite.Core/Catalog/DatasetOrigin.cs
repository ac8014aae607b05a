namespace ContestSite.Core.Catalog;

/// <summary>Where a catalogue entry comes from (来源): the public-data portals and organizers, or society.</summary>
public enum DatasetOrigin
{
    /// <summary>政府开放: imported from a portal or entered by an organizer.</summary>
    Government = 0,

    /// <summary>社会贡献: an organization or a team opened data of its own (鼓励公民、法人依法开放自有数据).</summary>
    Contributed = 1,
}
