namespace ContestSite.Search;

/// <summary>Orders facet counts for display: most datasets first, then by value; selected values always kept.</summary>
internal static class FacetLists
{
    public static IReadOnlyDictionary<string, IReadOnlyList<FacetValue>> From(
        IReadOnlyDictionary<string, Dictionary<string, int>> counts,
        IReadOnlyDictionary<string, IReadOnlyList<string>> filters,
        int limit)
    {
        var lists = new Dictionary<string, IReadOnlyList<FacetValue>>();
        foreach (var (facet, values) in counts)
        {
            var ordered = values
                .OrderByDescending(p => p.Value)
                .ThenBy(p => p.Key, StringComparer.Ordinal)
                .Select(p => new FacetValue(p.Key, p.Value))
                .ToList();
            var shown = ordered.Take(Math.Max(0, limit)).ToList();
            var selected = filters.GetValueOrDefault(facet) ?? [];
            foreach (var value in selected)
            {
                if (shown.All(v => v.Value != value))
                {
                    shown.Add(ordered.FirstOrDefault(v => v.Value == value) ?? new FacetValue(value, 0));
                }
            }
            lists[facet] = shown;
        }
        return lists;
    }
}
