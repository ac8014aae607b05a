using Lucene.Net.Index;
using Lucene.Net.Util;

namespace ContestSite.Search;

/// <summary>
/// One facet over one index segment: tests the facet's filter on a document and counts its values,
/// by segment ordinals of the sorted doc values; ordinals become strings only when the segment ends.
/// </summary>
internal sealed class SegmentFacet
{
    private readonly SortedDocValues? _single;
    private readonly SortedSetDocValues? _multi;
    private readonly bool[]? _selected;
    private readonly int[] _counts;

    public SegmentFacet(AtomicReader reader, string facet, IReadOnlyList<string>? filter)
    {
        var field = FacetNames.DocValuesField(facet);
        long valueCount;
        if (FacetNames.IsMultiValued(facet))
        {
            _multi = reader.GetSortedSetDocValues(field);
            valueCount = _multi?.ValueCount ?? 0;
        }
        else
        {
            _single = reader.GetSortedDocValues(field);
            valueCount = _single?.ValueCount ?? 0;
        }
        _counts = new int[valueCount];
        if (filter is not null)
        {
            _selected = new bool[valueCount];
            foreach (var value in filter)
            {
                var ord = LookupOrd(new BytesRef(value));
                if (ord >= 0)
                {
                    _selected[ord] = true;
                }
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
        if (_single is not null)
        {
            var ord = _single.GetOrd(doc);
            return ord >= 0 && _selected[ord];
        }
        if (_multi is null)
        {
            return false;
        }
        _multi.SetDocument(doc);
        for (var ord = _multi.NextOrd(); ord != SortedSetDocValues.NO_MORE_ORDS; ord = _multi.NextOrd())
        {
            if (_selected[ord])
            {
                return true;
            }
        }
        return false;
    }

    public void Count(int doc)
    {
        if (_single is not null)
        {
            var ord = _single.GetOrd(doc);
            if (ord >= 0)
            {
                _counts[ord]++;
            }
            return;
        }
        if (_multi is null)
        {
            return;
        }
        _multi.SetDocument(doc);
        for (var ord = _multi.NextOrd(); ord != SortedSetDocValues.NO_MORE_ORDS; ord = _multi.NextOrd())
        {
            _counts[ord]++;
        }
    }

    public void AddCountsTo(Dictionary<string, int> totals)
    {
        var term = new BytesRef();
        for (var ord = 0; ord < _counts.Length; ord++)
        {
            if (_counts[ord] == 0)
            {
                continue;
            }
            if (_single is not null)
            {
                _single.LookupOrd(ord, term);
            }
            else
            {
                _multi!.LookupOrd(ord, term);
            }
            var value = term.Utf8ToString();
            totals[value] = totals.GetValueOrDefault(value) + _counts[ord];
        }
    }

    private long LookupOrd(BytesRef value) =>
        _single is not null ? _single.LookupTerm(value) : _multi?.LookupTerm(value) ?? -1;
}
