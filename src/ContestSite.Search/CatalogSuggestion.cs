namespace ContestSite.Search;

/// <summary>A typeahead entry: a title that starts with (or contains) what was typed.</summary>
public sealed record CatalogSuggestion(Guid Id, string Title);
