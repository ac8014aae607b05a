using System.Buffers;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Text;
using ContestSite.Core.Bundles.Masking.Rules;

namespace ContestSite.Core.Bundles.Masking.Csv;

/// <summary>
/// Writes one well-formed record with its columns masked. Kept columns are copied as raw bytes (already
/// valid CSV); only masked cells are unquoted, decoded, masked and re-encoded, in pooled scratch buffers.
/// </summary>
internal sealed class CsvRowWriter : IDisposable
{
    // Masking never lengthens a cell by more than this (a keyed-hash token of a 1-char value).
    private const int MaxGrowthChars = 16;
    private static readonly SearchValues<char> NeedsQuotes = SearchValues.Create(",\"\r\n");

    private readonly IValueMasker?[] maskers;
    // Bound once: a type test and an interface call per cell cost as much as masking a phone number.
    private readonly Utf8Mask?[] byteMaskers;
    private readonly int[] served;
    // For a kept column (by its place in served): the place of the last column of the kept stretch it starts.
    // Kept columns next to each other in the file are copied as one stretch, commas and all.
    private readonly int[] keptThrough;
    private readonly byte[] unescaped;
    private readonly char[] decoded;
    private readonly char[] masked;

    public CsvRowWriter(IReadOnlyList<ColumnMasking> columns, int maxRecordBytes)
    {
        maskers = columns.Select(c => c.Masker).ToArray();
        byteMaskers = maskers.Select(m => m is IUtf8ValueMasker direct ? new Utf8Mask(direct.TryMaskUtf8) : null).ToArray();
        served = Enumerable.Range(0, columns.Count).Where(i => !columns[i].IsDropped).ToArray();
        keptThrough = new int[served.Length];
        for (var k = served.Length - 1; k >= 0; k--)
        {
            var runsOn = k + 1 < served.Length && served[k + 1] == served[k] + 1 && maskers[served[k]] is null && maskers[served[k + 1]] is null;
            keptThrough[k] = runsOn ? keptThrough[k + 1] : k;
        }
        unescaped = ArrayPool<byte>.Shared.Rent(maxRecordBytes);
        decoded = ArrayPool<char>.Shared.Rent(maxRecordBytes);
        masked = ArrayPool<char>.Shared.Rent(maxRecordBytes + MaxGrowthChars);
    }

    /// <summary>
    /// The most bytes a record of this length can become: each masked char is copied or becomes one ASCII
    /// char, so a cell grows only by the token length, and quoting at most doubles it.
    /// </summary>
    public int WorstCaseBytes(int recordBytes) => 2 * recordBytes + served.Length * (2 * MaxGrowthChars + 3) + 2;

    public void Write(ReadOnlySpan<byte> record, ReadOnlySpan<CsvFieldBounds> fields, CsvOutputBuffer output)
    {
        // Written through a local span and one count, advanced once a row: going through the buffer object
        // for every cell and comma cost more than the cells' own copying.
        var destination = output.Free;
        var at = 0;
        for (var k = 0; k < served.Length; k++)
        {
            if (k > 0) destination[at++] = (byte)',';
            var column = served[k];
            var field = fields[column];
            if (maskers[column] is not { } masker)
            {
                var last = fields[served[keptThrough[k]]];
                at += CopyKept(record, field.Start, last.Start + last.Length - field.Start, destination[at..]);
                k = keptThrough[k];
            }
            else if (!field.Quoted && byteMaskers[column] is { } direct && direct(record.Slice(field.Start, field.Length), destination[at..], out var bytes)) at += bytes;
            else
            {
                output.Advance(at);
                WriteMasked(record.Slice(field.Start, field.Length), field.Quoted, masker, output);
                destination = output.Free;
                at = 0;
            }
        }
        destination[at] = (byte)'\r';
        destination[at + 1] = (byte)'\n';
        output.Advance(at + 2);
    }

    /// <summary>
    /// Copies kept bytes of the record. Most stretches are short, and one 32-byte load and store (reading on
    /// into the record, writing on into free room that later cells overwrite) is much cheaper than a copy call.
    /// </summary>
    private static int CopyKept(ReadOnlySpan<byte> record, int start, int length, Span<byte> destination)
    {
        if (length <= Vector256<byte>.Count && record.Length - start >= Vector256<byte>.Count && destination.Length >= Vector256<byte>.Count)
            Vector256.LoadUnsafe(ref MemoryMarshal.GetReference(record), (nuint)start).StoreUnsafe(ref MemoryMarshal.GetReference(destination));
        else record.Slice(start, length).CopyTo(destination);
        return length;
    }

    private void WriteMasked(ReadOnlySpan<byte> raw, bool quoted, IValueMasker masker, CsvOutputBuffer output)
    {
        var value = quoted ? CsvText.Unquote(raw, unescaped) : raw;
        var chars = Encoding.UTF8.GetChars(value, decoded);
        var written = masker.Mask(decoded.AsSpan(0, chars), masked);
        WriteField(masked.AsSpan(0, written), output);
    }

    private static void WriteField(ReadOnlySpan<char> text, CsvOutputBuffer output)
    {
        if (!text.ContainsAny(NeedsQuotes))
        {
            output.Advance(Encoding.UTF8.GetBytes(text, output.Free));
            return;
        }
        output.Write((byte)'"');
        while (true)
        {
            var quote = text.IndexOf('"');
            var part = quote < 0 ? text : text[..(quote + 1)];
            output.Advance(Encoding.UTF8.GetBytes(part, output.Free));
            if (quote < 0) break;
            output.Write((byte)'"');
            text = text[(quote + 1)..];
        }
        output.Write((byte)'"');
    }

    public void Dispose()
    {
        ArrayPool<byte>.Shared.Return(unescaped);
        ArrayPool<char>.Shared.Return(decoded);
        ArrayPool<char>.Shared.Return(masked);
    }
}
