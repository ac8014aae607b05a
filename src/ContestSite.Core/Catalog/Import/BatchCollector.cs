namespace ContestSite.Core.Catalog.Import;

/// <summary>
/// Gathers rows into a batch: one dataset per source key (the most recently updated row wins, a later
/// row wins a tie) and the problems with their positions.
/// </summary>
internal sealed class BatchCollector
{
    private readonly Dictionary<string, int> _positionByKey = new(StringComparer.Ordinal);
    private readonly List<Dataset> _datasets = [];
    private readonly List<ImportProblem> _problems = [];
    private int _rowsRead;

    public void Add(long position, RowResult row)
    {
        _rowsRead++;
        if (row.Dataset is not { } dataset)
        {
            _problems.Add(new ImportProblem(position, row.Problem ?? "无法读取的记录"));
            return;
        }
        var key = dataset.SourceKey ?? dataset.Id.ToString();
        if (!_positionByKey.TryGetValue(key, out var existing))
        {
            _positionByKey[key] = _datasets.Count;
            _datasets.Add(dataset);
            return;
        }
        var kept = _datasets[existing];
        if ((dataset.LastUpdated ?? DateTimeOffset.MinValue) >= (kept.LastUpdated ?? DateTimeOffset.MinValue))
        {
            _datasets[existing] = dataset;
        }
    }

    public ImportBatch Build(string format) => ImportBatch.Read(format, _datasets, _problems, _rowsRead);
}
