using System.Text;

namespace ContestSite.Core.Bundles.Masking.Csv;

/// <summary>The value inside a quoted CSV field, and field values as strings for headers.</summary>
internal static class CsvText
{
    /// <summary>Strips the surrounding quotes and undoubles inner quotes, into <paramref name="scratch"/> when needed.</summary>
    public static ReadOnlySpan<byte> Unquote(ReadOnlySpan<byte> quotedField, Span<byte> scratch)
    {
        var inner = quotedField[1..^1];
        if (!inner.Contains((byte)'"')) return inner;
        var length = 0;
        for (var i = 0; i < inner.Length; i++)
        {
            scratch[length++] = inner[i];
            if (inner[i] == (byte)'"') i++;
        }
        return scratch[..length];
    }

    public static string Decode(ReadOnlySpan<byte> record, CsvFieldBounds field)
    {
        var raw = record.Slice(field.Start, field.Length);
        var value = field.Quoted ? Unquote(raw, new byte[raw.Length]) : raw;
        return Encoding.UTF8.GetString(value).Trim();
    }
}
