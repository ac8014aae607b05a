using System.Buffers;
using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace ContestSite.Core.Bundles.Masking.Csv;

/// <summary>
/// Finds one RFC 4180 record in UTF-8 bytes: fields split by commas, optionally in double quotes with
/// quotes doubled inside, ended by CRLF, LF or CR; line breaks inside quotes belong to the field. It jumps
/// between delimiters with vectorised searches and allocates nothing; field values are not copied out.
/// Bad quoting does not stop the scan: the record's end is still found and the problem is named, so the
/// caller can skip exactly that record.
/// </summary>
internal static class CsvRecordScanner
{
    public const string UnclosedQuote = "引号未闭合";
    public const string TextAfterClosingQuote = "右引号后还有文字";
    public const string QuoteInUnquotedField = "未加引号的字段中出现引号";

    private static readonly SearchValues<byte> UnquotedStops = SearchValues.Create(",\"\r\n"u8);
    private static readonly SearchValues<byte> QuoteOrLineBreak = SearchValues.Create("\"\r\n"u8);

    /// <summary>
    /// Scans the record at the start of <paramref name="data"/>. Returns false when the record may continue
    /// past the data read so far (unless <paramref name="final"/>). Fields beyond <paramref name="fields"/>'
    /// length are counted but not stored.
    /// </summary>
    public static bool TryScan(ReadOnlySpan<byte> data, bool final, Span<CsvFieldBounds> fields, out CsvScan scan)
    {
        scan = default;
        if (Vector256.IsHardwareAccelerated)
        {
            var lineEnd = SplitPlainLine(data, fields, ref scan);
            if (lineEnd >= 0) return EndAtLineBreak(data, lineEnd, final, ref scan);
            scan = default;
        }
        // Most records hold no quote: one search finds the line's end, and commas alone split it.
        var end = data.IndexOfAny(QuoteOrLineBreak);
        if (end >= 0 && data[end] != (byte)'"') return ScanUnquotedLine(data, end, final, fields, ref scan);
        var pos = 0;
        while (true)
        {
            var fieldStart = pos;
            var quoted = pos < data.Length && data[pos] == (byte)'"';
            if (quoted)
            {
                var afterQuote = FindClosingQuote(data, pos + 1, final, ref scan);
                if (afterQuote < 0) return false;
                pos = afterQuote;
                if (pos < data.Length && data[pos] is not ((byte)',' or (byte)'\r' or (byte)'\n')) scan.Error ??= TextAfterClosingQuote;
            }

            int stop;
            while ((stop = data[pos..].IndexOfAny(UnquotedStops)) >= 0 && data[pos + stop] == (byte)'"')
            {
                scan.Error ??= QuoteInUnquotedField;
                pos += stop + 1;
            }
            if (stop < 0) return final && EndAtEndOfData(data, fields, fieldStart, quoted, ref scan);

            pos += stop;
            Store(fields, ref scan, new CsvFieldBounds(fieldStart, pos - fieldStart, quoted));
            if (data[pos] == (byte)',')
            {
                pos++;
                continue;
            }
            return EndAtLineBreak(data, pos, final, ref scan);
        }
    }

    /// <summary>
    /// The common record, a line without quotes, split in one pass of 32-byte blocks that find commas and the
    /// line break together. Returns the line break's index, or -1 when a quote comes first or the line runs
    /// into the last partial block: the general scan then starts the record over.
    /// </summary>
    private static int SplitPlainLine(ReadOnlySpan<byte> data, Span<CsvFieldBounds> fields, ref CsvScan scan)
    {
        ref var first = ref MemoryMarshal.GetReference(data);
        var fieldStart = 0;
        // Counted in a local and stored once: counting through the ref costs a memory round trip per field.
        var count = 0;
        for (var block = 0; block <= data.Length - Vector256<byte>.Count; block += Vector256<byte>.Count)
        {
            var bytes = Vector256.LoadUnsafe(ref first, (nuint)block);
            var commas = Vector256.Equals(bytes, Vector256.Create((byte)',')).ExtractMostSignificantBits();
            var stops = (Vector256.Equals(bytes, Vector256.Create((byte)'"')) | Vector256.Equals(bytes, Vector256.Create((byte)'\n'))
                | Vector256.Equals(bytes, Vector256.Create((byte)'\r'))).ExtractMostSignificantBits();
            if (stops != 0) commas &= (1u << BitOperations.TrailingZeroCount(stops)) - 1;
            for (; commas != 0; commas &= commas - 1)
            {
                var comma = block + BitOperations.TrailingZeroCount(commas);
                if ((uint)count < (uint)fields.Length) fields[count] = new CsvFieldBounds(fieldStart, comma - fieldStart, false);
                count++;
                fieldStart = comma + 1;
            }
            if (stops == 0) continue;
            var end = block + BitOperations.TrailingZeroCount(stops);
            if (data[end] == (byte)'"') return -1;
            if ((uint)count < (uint)fields.Length) fields[count] = new CsvFieldBounds(fieldStart, end - fieldStart, false);
            scan.FieldCount = count + 1;
            return end;
        }
        return -1;
    }

    private static bool ScanUnquotedLine(ReadOnlySpan<byte> data, int end, bool final, Span<CsvFieldBounds> fields, ref CsvScan scan)
    {
        var line = data[..end];
        var start = 0;
        int comma;
        while ((comma = line[start..].IndexOf((byte)',')) >= 0)
        {
            Store(fields, ref scan, new CsvFieldBounds(start, comma, false));
            start += comma + 1;
        }
        Store(fields, ref scan, new CsvFieldBounds(start, end - start, false));
        return EndAtLineBreak(data, end, final, ref scan);
    }

    /// <summary>Returns the index after the closing quote, or -1 when more data is needed.</summary>
    private static int FindClosingQuote(ReadOnlySpan<byte> data, int from, bool final, ref CsvScan scan)
    {
        var p = from;
        while (true)
        {
            var quote = data[p..].IndexOf((byte)'"');
            if (quote < 0)
            {
                if (!final) return -1;
                scan.LineBreaks += data[p..].Count((byte)'\n');
                // A file ending in a line break inside the open quote: that break ends the last line, like a terminator.
                scan.Terminated = data[^1] == (byte)'\n';
                scan.Error ??= UnclosedQuote;
                return data.Length;
            }
            scan.LineBreaks += data.Slice(p, quote).Count((byte)'\n');
            p += quote + 1;
            if (p == data.Length) return final ? p : -1;
            if (data[p] != (byte)'"') return p;
            p++;
        }
    }

    private static bool EndAtLineBreak(ReadOnlySpan<byte> data, int pos, bool final, ref CsvScan scan)
    {
        if (data[pos] == (byte)'\r' && pos + 1 == data.Length && !final) return false;
        scan.LineBreaks++;
        scan.Terminated = true;
        scan.Consumed = data[pos] == (byte)'\r' && pos + 1 < data.Length && data[pos + 1] == (byte)'\n' ? pos + 2 : pos + 1;
        return true;
    }

    private static bool EndAtEndOfData(ReadOnlySpan<byte> data, Span<CsvFieldBounds> fields, int fieldStart, bool quoted, ref CsvScan scan)
    {
        Store(fields, ref scan, new CsvFieldBounds(fieldStart, data.Length - fieldStart, quoted));
        scan.Consumed = data.Length;
        return true;
    }

    private static void Store(Span<CsvFieldBounds> fields, ref CsvScan scan, CsvFieldBounds field)
    {
        if (scan.FieldCount < fields.Length) fields[scan.FieldCount] = field;
        scan.FieldCount++;
    }
}
