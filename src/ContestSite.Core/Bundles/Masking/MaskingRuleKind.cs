namespace ContestSite.Core.Bundles.Masking;

/// <summary>The masking (脱敏) rules an organizer can choose for a dataset field.</summary>
public enum MaskingRuleKind
{
    /// <summary>Served unchanged; only for fields not marked sensitive.</summary>
    Keep,
    /// <summary>The column is left out of the served file.</summary>
    Drop,
    IdCardNumber,
    MobilePhone,
    PersonName,
    Address,
    Email,
    /// <summary>Keep the first N and last M chars, star the middle.</summary>
    KeepFirstLast,
    /// <summary>HMAC-SHA256 token under the contest key, so joins across files still work.</summary>
    KeyedHash,
}
