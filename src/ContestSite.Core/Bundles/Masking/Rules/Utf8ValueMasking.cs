using System.Buffers;

namespace ContestSite.Core.Bundles.Masking.Rules;

/// <summary>
/// A rule that can mask a common kind of cell straight from its UTF-8 bytes, writing exactly the bytes that
/// decoding, <see cref="IValueMasker.Mask"/> and encoding would (the CSV hot path then skips two
/// transcodings). It declines anything unusual and the caller takes the char path.
/// </summary>
internal interface IUtf8ValueMasker
{
    /// <summary>
    /// Masks an unquoted cell; false when the value is not one it handles this way. The output never needs
    /// CSV quotes; <paramref name="destination"/> has room for the value's length + 3 bytes.
    /// </summary>
    bool TryMaskUtf8(ReadOnlySpan<byte> value, Span<byte> destination, out int written);
}

/// <summary><see cref="IUtf8ValueMasker.TryMaskUtf8"/> bound to one rule: a call through it skips the interface dispatch.</summary>
internal delegate bool Utf8Mask(ReadOnlySpan<byte> value, Span<byte> destination, out int written);

internal static class Utf8ValueMasking
{
    // Printable ASCII without space, comma and quote: such a value needs no trimming and no CSV quotes.
    private static readonly SearchValues<byte> PlainAscii =
        SearchValues.Create(Enumerable.Range(0x21, 0x7E - 0x21 + 1).Where(b => b is not ',' and not '"').Select(b => (byte)b).ToArray());

    public static bool IsPlainAscii(ReadOnlySpan<byte> value) => !value.ContainsAnyExcept(PlainAscii);

    /// <summary><see cref="Core.Text.PersonalData.MaskMiddle"/> for plain ASCII, where every char is one byte.</summary>
    public static int MaskMiddle(ReadOnlySpan<byte> value, int keepFirst, int keepLast, Span<byte> destination)
    {
        var length = value.Length;
        if (length <= keepFirst + keepLast)
        {
            destination[..length].Fill((byte)'*');
            return length;
        }
        value[..keepFirst].CopyTo(destination);
        destination[keepFirst..(length - keepLast)].Fill((byte)'*');
        value[(length - keepLast)..].CopyTo(destination[(length - keepLast)..]);
        return length;
    }
}
