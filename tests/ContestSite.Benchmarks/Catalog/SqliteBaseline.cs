using System.Diagnostics;
using ContestSite.Core.Catalog;
using ContestSite.Search;
using Microsoft.Data.Sqlite;

namespace ContestSite.Benchmarks.Catalog;

/// <summary>
/// The same searches answered by SQLite in a temp file, as a database-only site would: the text part
/// selects matching rows once (a LIKE scan, or FTS5 with the trigram tokenizer), then the filters,
/// the total, one page and each facet's group-by (without its own filter) run over those rows.
/// </summary>
internal sealed class SqliteBaseline : IDisposable
{
    public enum TextMode { Like, Fts5Trigram }

    private static readonly string[] FacetColumns = ["provider", "region", "domain", "open_type", "update_frequency"];
    private static readonly string[] FacetNamesInOrder = [FacetNames.Provider, FacetNames.Region, FacetNames.Domain, FacetNames.OpenType, FacetNames.UpdateFrequency];

    private readonly SqliteConnection _connection;
    private readonly string _file;

    public SqliteBaseline(string folder, IReadOnlyList<Dataset> datasets)
    {
        _file = Path.Combine(folder, "baseline.db");
        _connection = new SqliteConnection($"Data Source={_file};Pooling=False");
        _connection.Open();
        Execute("""
            PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;
            CREATE TABLE datasets(rowid INTEGER PRIMARY KEY, title TEXT, description TEXT, tags TEXT, provider TEXT,
              region TEXT, domain TEXT, open_type TEXT, update_frequency TEXT, updated INTEGER, downloads INTEGER, views INTEGER);
            CREATE TABLE dataset_formats(dataset_rowid INTEGER, format TEXT);
            CREATE VIRTUAL TABLE fts USING fts5(title, tags, description, provider, content='datasets', content_rowid='rowid', tokenize='trigram');
            """);
        Load(datasets);
        Execute("CREATE INDEX ix_formats ON dataset_formats(dataset_rowid, format); INSERT INTO fts(fts) VALUES('rebuild'); ANALYZE;");
    }

    public long SizeOnDisk => new FileInfo(_file).Length;

    /// <summary>Runs one search and returns its elapsed milliseconds and total.</summary>
    public (double Milliseconds, int Total) Run(CatalogQuery query, TextMode mode)
    {
        var watch = Stopwatch.StartNew();
        using var command = _connection.CreateCommand();
        command.CommandText = "DROP TABLE IF EXISTS temp.m; CREATE TEMP TABLE m AS SELECT rowid, provider, region, domain, open_type, update_frequency, updated FROM datasets"
            + TextCondition(command, query.Text, mode) + ";";
        command.ExecuteNonQuery();

        var filters = query.Filters();
        var total = Convert.ToInt32(Scalar($"SELECT COUNT(*) FROM m WHERE {Where(filters, null, out var p1)}", p1));
        ReadAll($"SELECT rowid FROM m WHERE {Where(filters, null, out var p2)} ORDER BY updated DESC LIMIT {query.EffectivePageSize} OFFSET {(query.EffectivePage - 1) * query.EffectivePageSize}", p2);
        for (var i = 0; i < FacetColumns.Length; i++)
        {
            ReadAll($"SELECT {FacetColumns[i]}, COUNT(*) FROM m WHERE {Where(filters, FacetNamesInOrder[i], out var p)} GROUP BY {FacetColumns[i]}", p);
        }
        ReadAll($"SELECT f.format, COUNT(*) FROM m JOIN dataset_formats f ON f.dataset_rowid = m.rowid WHERE {Where(filters, FacetNames.Format, out var pf)} GROUP BY f.format", pf);
        return (watch.Elapsed.TotalMilliseconds, total);
    }

    public void Dispose()
    {
        _connection.Dispose();
        File.Delete(_file);
    }

    private static string TextCondition(SqliteCommand command, string? text, TextMode mode)
    {
        var words = text?.Split(' ', StringSplitOptions.RemoveEmptyEntries) ?? [];
        if (words.Length == 0)
        {
            return "";
        }
        var conditions = new List<string>();
        for (var i = 0; i < words.Length; i++)
        {
            var like = $"@w{i}";
            command.Parameters.AddWithValue(like, $"%{words[i]}%");
            var anyColumn = $"(title LIKE {like} OR tags LIKE {like} OR description LIKE {like} OR provider LIKE {like})";
            if (mode == TextMode.Like)
            {
                conditions.Add(anyColumn);
            }
            else if (words[i].Length >= 3)
            {
                command.Parameters.AddWithValue($"@q{i}", $"\"{words[i]}\"");
                conditions.Add($"rowid IN (SELECT rowid FROM fts WHERE fts MATCH @q{i})");
            }
            else
            {
                // Trigrams cannot match a two-character word; FTS5 then scans its own table with LIKE.
                conditions.Add($"rowid IN (SELECT rowid FROM fts WHERE {anyColumn})");
            }
        }
        return " WHERE " + string.Join(" OR ", conditions);
    }

    private static string Where(IReadOnlyDictionary<string, IReadOnlyList<string>> filters, string? except, out List<(string, string)> parameters)
    {
        parameters = [];
        var clauses = new List<string> { "1=1" };
        foreach (var (facet, values) in filters.Where(f => f.Key != except))
        {
            var names = values.Select((v, i) => $"@{facet}{i}").ToList();
            parameters.AddRange(names.Zip(values));
            var column = facet == FacetNames.Format ? null : FacetColumns[Array.IndexOf(FacetNamesInOrder, facet)];
            clauses.Add(column is null
                ? $"m.rowid IN (SELECT dataset_rowid FROM dataset_formats WHERE format IN ({string.Join(',', names)}))"
                : $"{column} IN ({string.Join(',', names)})");
        }
        return string.Join(" AND ", clauses);
    }

    private object? Scalar(string sql, List<(string, string)> parameters)
    {
        using var command = Command(sql, parameters);
        return command.ExecuteScalar();
    }

    private void ReadAll(string sql, List<(string, string)> parameters)
    {
        using var command = Command(sql, parameters);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
        }
    }

    private SqliteCommand Command(string sql, List<(string Name, string Value)> parameters)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }
        return command;
    }

    private void Execute(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private void Load(IReadOnlyList<Dataset> datasets)
    {
        using var transaction = _connection.BeginTransaction();
        using var insert = _connection.CreateCommand();
        insert.CommandText = "INSERT INTO datasets VALUES(@r, @t, @d, @g, @p, @re, @do, @o, @u, @up, @dl, @v)";
        string[] names = ["@r", "@t", "@d", "@g", "@p", "@re", "@do", "@o", "@u", "@up", "@dl", "@v"];
        foreach (var name in names)
        {
            insert.Parameters.Add(new SqliteParameter { ParameterName = name });
        }
        using var format = _connection.CreateCommand();
        format.CommandText = "INSERT INTO dataset_formats VALUES(@r, @f)";
        format.Parameters.Add(new SqliteParameter { ParameterName = "@r" });
        format.Parameters.Add(new SqliteParameter { ParameterName = "@f" });
        for (var i = 0; i < datasets.Count; i++)
        {
            var d = datasets[i];
            var facets = CatalogFacetValues.Of(d).ToDictionary(f => f.Facet, f => f.Values);
            object?[] values =
            [
                i + 1, d.Title, d.Description ?? "", string.Join(' ', d.Tags), d.Provider ?? "",
                facets[FacetNames.Region][0], facets[FacetNames.Domain][0], facets[FacetNames.OpenType][0],
                facets[FacetNames.UpdateFrequency][0], (d.LastUpdated ?? d.UpdatedAt).UtcTicks, d.DownloadCount, d.ViewCount,
            ];
            for (var p = 0; p < values.Length; p++)
            {
                insert.Parameters[p].Value = values[p] ?? DBNull.Value;
            }
            insert.Parameters[4].Value = facets[FacetNames.Provider][0];
            insert.ExecuteNonQuery();
            foreach (var f in facets[FacetNames.Format])
            {
                format.Parameters[0].Value = i + 1;
                format.Parameters[1].Value = f;
                format.ExecuteNonQuery();
            }
        }
        transaction.Commit();
    }
}
