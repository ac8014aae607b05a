namespace ContestSite.Core.Catalog.Import;

/// <summary>One CSV record, the line it starts on, and what was wrong with its quoting if anything.</summary>
public sealed record CsvRecord(long Line, IReadOnlyList<string> Fields, string? Error);
