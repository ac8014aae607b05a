namespace ContestSite.Core.Catalog.Import;

/// <summary>
/// What a catalogue file holds, normalised, before anything is saved. A batch with a
/// <see cref="FatalError"/> has no datasets: a file that cannot be read at all changes nothing.
/// </summary>
public sealed class ImportBatch
{
    private ImportBatch(string format, IReadOnlyList<Dataset> datasets, IReadOnlyList<ImportProblem> problems, int rowsRead, string? fatalError)
    {
        Format = format;
        Datasets = datasets;
        Problems = problems;
        RowsRead = rowsRead;
        FatalError = fatalError;
    }

    /// <summary>The detected format (zhejiang, hangzhou, jiangsu, shanghai, combined-csv).</summary>
    public string Format { get; }

    /// <summary>One dataset per source key; rows repeating a key collapsed into the most recently updated one.</summary>
    public IReadOnlyList<Dataset> Datasets { get; }

    public IReadOnlyList<ImportProblem> Problems { get; }

    /// <summary>Rows (elements or CSV records) seen, including problem rows and repeated keys.</summary>
    public int RowsRead { get; }

    /// <summary>Rows read without problem whose source key repeated an earlier row.</summary>
    public int DuplicateRows => RowsRead - Problems.Count - Datasets.Count;

    public string? FatalError { get; }

    public bool Succeeded => FatalError is null;

    public static ImportBatch Fatal(string format, string error) => new(format, [], [], 0, error);

    public static ImportBatch Read(string format, IReadOnlyList<Dataset> datasets, IReadOnlyList<ImportProblem> problems, int rowsRead) =>
        new(format, datasets, problems, rowsRead, null);
}
