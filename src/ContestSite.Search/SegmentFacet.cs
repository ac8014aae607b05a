namespace ContestSite.Search;

/// <summary>
/// One facet over one index segment during one search: tests the facet's filter on a document and
/// counts its values by segment ordinal; ordinals become strings only when the segment ends.
/// </summary>
internal sealed class SegmentFacet
{
    private readonly SegmentFacetData _data;
    private readonly bool[]? _selected;
    private readonly int[] _counts;

    public SegmentFacet(SegmentFacetData data, IReadOnlyList<string>? filter)
    {
        _data = data;
        _counts = new int[data.Values.Length];
        if (filter is null)
        {
            return;
        }
        _selected = new bool[data.Values.Length];
        foreach (var value in filter)
        {
            if (data.OrdByValue.TryGetValue(value, out var ord))
            {
                _selected[ord] = true;
            }
        }
    }

    /// <summary>True when the facet has no filter or the document has one of the selected values.</summary>
    public bool Matches(int doc)
    {
        if (_selected is null)
        {
            return true;
        }
        var ords = _data.Ords;
        for (int i = _data.Starts[doc], end = _data.Starts[doc + 1]; i < end; i++)
        {
            if (_selected[ords[i]])
            {
                return true;
            }
        }
        return false;
    }

    public void Count(int doc)
    {
        var ords = _data.Ords;
        for (int i = _data.Starts[doc], end = _data.Starts[doc + 1]; i < end; i++)
        {
            _counts[ords[i]]++;
        }
    }

    public void AddCountsTo(Dictionary<string, int> totals)
    {
        for (var ord = 0; ord < _counts.Length; ord++)
        {
            if (_counts[ord] > 0)
            {
                var value = _data.Values[ord];
                totals[value] = totals.GetValueOrDefault(value) + _counts[ord];
            }
        }
    }
}
