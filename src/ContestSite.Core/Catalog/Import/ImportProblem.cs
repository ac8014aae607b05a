namespace ContestSite.Core.Catalog.Import;

/// <summary>
/// A row that could not be read. <see cref="Position"/> is the 1-based element number of a JSON array,
/// or the 1-based line on which a CSV record starts (records may span lines).
/// </summary>
public sealed record ImportProblem(long Position, string Reason);
