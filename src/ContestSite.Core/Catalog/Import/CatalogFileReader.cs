using System.Text;
using System.Text.Json;

namespace ContestSite.Core.Catalog.Import;

/// <summary>
/// Reads a catalogue export of any supported portal, detected from its content: a JSON array whose
/// record keys name the portal, or the combined CSV by its header. Streams the file; the batch is
/// complete before anything is saved, so a file that fails half-way changes nothing.
/// </summary>
public static class CatalogFileReader
{
    private const int SniffLength = 4096;

    private static readonly PortalJsonMapper[] JsonMappers =
        [new ZhejiangJsonMapper(), new HangzhouJsonMapper(), new JiangsuJsonMapper(), new ShanghaiJsonMapper()];

    public static async Task<ImportBatch> ReadAsync(Stream stream, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var prefix = new byte[SniffLength];
        var length = await stream.ReadAtLeastAsync(prefix, SniffLength, throwOnEndOfStream: false, cancellationToken);
        var content = new PrefixedStream(prefix, length, stream);
        return FirstSignificantByte(prefix.AsSpan(0, length)) switch
        {
            (byte)'[' => await ReadJsonAsync(content, now, cancellationToken),
            (byte)'{' => ImportBatch.Fatal("json", "文件是一个 JSON 对象；目录导出文件应是由记录组成的 JSON 数组"),
            null => ImportBatch.Fatal("empty", "文件是空的"),
            _ => ReadCsv(content, now),
        };
    }

    private static async Task<ImportBatch> ReadJsonAsync(Stream stream, DateTimeOffset now, CancellationToken cancellationToken)
    {
        PortalJsonMapper? mapper = null;
        var collector = new BatchCollector();
        long position = 0;
        try
        {
            await foreach (var element in JsonSerializer.DeserializeAsyncEnumerable<JsonElement>(stream, cancellationToken: cancellationToken))
            {
                position++;
                mapper ??= element.ValueKind == JsonValueKind.Object ? JsonMappers.FirstOrDefault(m => m.Recognises(element)) : null;
                if (mapper is null && element.ValueKind == JsonValueKind.Object)
                {
                    var keys = string.Join(", ", element.EnumerateObject().Select(p => p.Name).Take(20));
                    return ImportBatch.Fatal("json", $"第 {position} 条记录的字段不属于任何已支持的门户导出格式：{keys}");
                }
                collector.Add(position, mapper is null ? RowResult.Fail($"应为 JSON 对象，实际为 {element.ValueKind}") : mapper.Map(element, now));
            }
        }
        catch (JsonException exception)
        {
            return ImportBatch.Fatal("json", $"第 {position} 条记录之后不是有效的 JSON：{exception.Message}");
        }
        return collector.Build(mapper?.Format ?? "json");
    }

    private static ImportBatch ReadCsv(Stream stream, DateTimeOffset now)
    {
        using var text = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, leaveOpen: true);
        using var records = new CsvReader(text).ReadRecords().GetEnumerator();
        if (!records.MoveNext() || CombinedCsvMapper.ForHeader(records.Current.Fields) is not { } mapper)
        {
            return ImportBatch.Fatal("csv", $"文件既不是 JSON 数组，也不是表头为 {CombinedCsvMapper.DescribeExpectedHeader()} 的 CSV");
        }
        var collector = new BatchCollector();
        while (records.MoveNext())
        {
            var record = records.Current;
            var row = record.Error is null ? mapper.Map(record.Fields, now) : RowResult.Fail(record.Error);
            collector.Add(record.Line, row);
        }
        return collector.Build(CombinedCsvMapper.Format);
    }

    private static byte? FirstSignificantByte(ReadOnlySpan<byte> bytes)
    {
        var start = bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? 3 : 0;
        foreach (var b in bytes[start..])
        {
            if (b is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n'))
            {
                return b;
            }
        }
        return null;
    }
}
