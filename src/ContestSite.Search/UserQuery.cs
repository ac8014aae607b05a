using Lucene.Net.Search;

namespace ContestSite.Search;

/// <summary>The Lucene query built from what a user typed, and the terms to highlight per field.</summary>
internal sealed record UserQuery(Query Query, IReadOnlyList<string> Words, IReadOnlyDictionary<string, IReadOnlyList<string>> TermsByField);
