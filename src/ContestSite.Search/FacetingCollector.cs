using Lucene.Net.Index;
using Lucene.Net.Search;

namespace ContestSite.Search;

/// <summary>
/// Applies the facet filters and counts facets in one pass over the documents matching the text.
/// Counts are multi-select (disjunctive): a facet is counted over the documents that pass every
/// filter except its own, so ticking a provider still shows the other providers with their counts.
/// A database group-by gives the same numbers as: WHERE text AND (all filters but this facet's) GROUP BY facet.
/// Documents passing every filter are the hits, handed to the ranking collector.
/// </summary>
internal sealed class FacetingCollector(ICollector hits, IReadOnlyDictionary<string, IReadOnlyList<string>> filters) : ICollector
{
    private readonly Dictionary<string, Dictionary<string, int>> _totals =
        FacetNames.All.ToDictionary(f => f, _ => new Dictionary<string, int>(StringComparer.Ordinal));

    private SegmentFacet[] _segment = [];
    private int[] _filtered = [];

    public int TotalHits { get; private set; }

    public bool AcceptsDocsOutOfOrder => false;

    public void SetScorer(Scorer scorer) => hits.SetScorer(scorer);

    public void SetNextReader(AtomicReaderContext context)
    {
        FlushSegment();
        var data = SegmentFacetData.For(context.AtomicReader);
        _segment = FacetNames.All.Select((f, i) => new SegmentFacet(data[i], filters.GetValueOrDefault(f))).ToArray();
        _filtered = Enumerable.Range(0, FacetNames.All.Count).Where(i => filters.ContainsKey(FacetNames.All[i])).ToArray();
        hits.SetNextReader(context);
    }

    public void Collect(int doc)
    {
        var failedFacet = -1;
        foreach (var i in _filtered)
        {
            if (_segment[i].Matches(doc))
            {
                continue;
            }
            if (failedFacet >= 0)
            {
                return;
            }
            failedFacet = i;
        }
        if (failedFacet >= 0)
        {
            _segment[failedFacet].Count(doc);
            return;
        }
        TotalHits++;
        hits.Collect(doc);
        foreach (var facet in _segment)
        {
            facet.Count(doc);
        }
    }

    /// <summary>The counts per facet, after the search has finished.</summary>
    public IReadOnlyDictionary<string, Dictionary<string, int>> Counts()
    {
        FlushSegment();
        return _totals;
    }

    private void FlushSegment()
    {
        for (var i = 0; i < _segment.Length; i++)
        {
            _segment[i].AddCountsTo(_totals[FacetNames.All[i]]);
        }
        _segment = [];
    }
}
