namespace ContestSite.Core.Catalog;

/// <summary>The three opening classes of the provincial plan (开放类型).</summary>
public enum OpenType
{
    /// <summary>无条件开放: anyone signed in may download.</summary>
    Unconditional = 0,

    /// <summary>受限开放: download only after an approved application.</summary>
    Restricted = 1,

    /// <summary>禁止开放: listed by title, never served.</summary>
    Prohibited = 2,
}
