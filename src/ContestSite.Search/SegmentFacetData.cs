using System.Runtime.CompilerServices;
using Lucene.Net.Index;
using Lucene.Net.Util;

namespace ContestSite.Search;

/// <summary>
/// The ordinals of one facet for every document of one segment, decoded once into plain arrays and
/// kept as long as the segment lives (segments never change). Counting then costs an array read per
/// document instead of a doc-values decode, which keeps facets over 100,000 matches within milliseconds.
/// </summary>
internal sealed class SegmentFacetData
{
    private static readonly ConditionalWeakTable<object, SegmentFacetData[]> BySegment = new();

    private SegmentFacetData(int[] starts, int[] ords, string[] values)
    {
        Starts = starts;
        Ords = ords;
        Values = values;
        OrdByValue = new Dictionary<string, int>(values.Length, StringComparer.Ordinal);
        for (var i = 0; i < values.Length; i++)
        {
            OrdByValue[values[i]] = i;
        }
    }

    /// <summary>Document d has the ordinals Ords[Starts[d]] .. Ords[Starts[d + 1] - 1].</summary>
    public int[] Starts { get; }

    public int[] Ords { get; }

    /// <summary>The value of each ordinal.</summary>
    public string[] Values { get; }

    public Dictionary<string, int> OrdByValue { get; }

    /// <summary>The data of every facet of this segment, in the order of <see cref="FacetNames.All"/>.</summary>
    public static SegmentFacetData[] For(AtomicReader reader) =>
        BySegment.GetValue(reader.CoreCacheKey, _ => FacetNames.All.Select(f => Load(reader, f)).ToArray());

    private static SegmentFacetData Load(AtomicReader reader, string facet)
    {
        var field = FacetNames.DocValuesField(facet);
        var maxDoc = reader.MaxDoc;
        var starts = new int[maxDoc + 1];
        var ords = new List<int>(maxDoc);
        var term = new BytesRef();
        string[] values;
        if (FacetNames.IsMultiValued(facet))
        {
            var dv = reader.GetSortedSetDocValues(field);
            for (var doc = 0; doc < maxDoc; doc++)
            {
                starts[doc] = ords.Count;
                if (dv is null)
                {
                    continue;
                }
                dv.SetDocument(doc);
                for (var ord = dv.NextOrd(); ord != SortedSetDocValues.NO_MORE_ORDS; ord = dv.NextOrd())
                {
                    ords.Add((int)ord);
                }
            }
            values = new string[dv?.ValueCount ?? 0];
            for (var ord = 0; ord < values.Length; ord++)
            {
                dv!.LookupOrd(ord, term);
                values[ord] = term.Utf8ToString();
            }
        }
        else
        {
            var dv = reader.GetSortedDocValues(field);
            for (var doc = 0; doc < maxDoc; doc++)
            {
                starts[doc] = ords.Count;
                var ord = dv?.GetOrd(doc) ?? -1;
                if (ord >= 0)
                {
                    ords.Add(ord);
                }
            }
            values = new string[dv?.ValueCount ?? 0];
            for (var ord = 0; ord < values.Length; ord++)
            {
                dv!.LookupOrd(ord, term);
                values[ord] = term.Utf8ToString();
            }
        }
        starts[maxDoc] = ords.Count;
        return new SegmentFacetData(starts, ords.ToArray(), values);
    }
}
