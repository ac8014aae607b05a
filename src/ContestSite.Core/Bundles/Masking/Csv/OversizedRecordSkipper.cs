using System.Buffers;

namespace ContestSite.Core.Bundles.Masking.Csv;

/// <summary>
/// Reads past a record longer than the cap without keeping any of it. It follows the same quoting rules
/// as <see cref="CsvRecordScanner"/>, chunk by chunk, so the record ends where a parser would end it and
/// nothing inside a long quoted field is mistaken for rows (which could put hidden text in a clear column).
/// </summary>
internal sealed class OversizedRecordSkipper
{
    private enum State { FieldStart, Unquoted, Quoted, QuoteInQuoted }

    private static readonly SearchValues<byte> UnquotedStops = SearchValues.Create(",\r\n"u8);

    private State state = State.FieldStart;
    private bool afterCarriageReturn;

    public int LineBreaks { get; private set; }

    /// <summary>Consumes bytes of the record; returns true once its line break has been consumed.</summary>
    public bool Advance(ReadOnlySpan<byte> data, out int consumed)
    {
        var i = 0;
        if (afterCarriageReturn && data.Length > 0)
        {
            consumed = data[0] == (byte)'\n' ? 1 : 0;
            return true;
        }
        while (i < data.Length)
        {
            var b = data[i];
            switch (state)
            {
                case State.Quoted:
                    var quote = data[i..].IndexOf((byte)'"');
                    var inside = quote < 0 ? data[i..] : data.Slice(i, quote);
                    LineBreaks += inside.Count((byte)'\n');
                    i += inside.Length + (quote < 0 ? 0 : 1);
                    if (quote >= 0) state = State.QuoteInQuoted;
                    continue;
                case State.QuoteInQuoted when b == (byte)'"':
                case State.FieldStart when b == (byte)'"':
                    state = State.Quoted;
                    i++;
                    continue;
            }
            if (b == (byte)',')
            {
                state = State.FieldStart;
                i++;
            }
            else if (b is (byte)'\r' or (byte)'\n')
            {
                LineBreaks++;
                i++;
                if (b == (byte)'\n') return Ended(i, out consumed);
                afterCarriageReturn = true;
                if (i < data.Length) return Ended(data[i] == (byte)'\n' ? i + 1 : i, out consumed);
            }
            else
            {
                state = State.Unquoted;
                var stop = data[i..].IndexOfAny(UnquotedStops);
                i = stop < 0 ? data.Length : i + stop;
            }
        }
        consumed = data.Length;
        return false;
    }

    private static bool Ended(int at, out int consumed)
    {
        consumed = at;
        return true;
    }
}
