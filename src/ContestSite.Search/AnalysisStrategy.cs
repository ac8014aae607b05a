namespace ContestSite.Search;

/// <summary>How Chinese text is cut into terms; the benchmark measures each on the real catalogues.</summary>
public enum AnalysisStrategy
{
    /// <summary>SmartCn word segmentation (空气质量 → 空气, 质量).</summary>
    Words,

    /// <summary>Overlapping CJK bigrams (空气质量 → 空气, 气质, 质量): finds partial words, never misses a substring.</summary>
    Bigrams,

    /// <summary>Both, indexed into separate fields and queried together.</summary>
    Combined,
}
