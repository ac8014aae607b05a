namespace ContestSite.Search;

public sealed record FacetValue(string Value, int Count);
