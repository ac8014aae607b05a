using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

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

    /// <summary>
    /// Whether every byte is plain ASCII. Cells of 8 to 32 bytes (phones, ID numbers, most emails) are checked
    /// as two vectors, several times cheaper than a general search call on values this short.
    /// </summary>
    public static bool IsPlainAscii(ReadOnlySpan<byte> value)
    {
        if (value.Length is < 8 or > 32) return !value.ContainsAnyExcept(PlainAscii);
        var (head, tail) = Ends(value);
        return IsPlainAscii(head) && IsPlainAscii(tail);
    }

    private static bool IsPlainAscii(Vector128<byte> bytes) =>
        Vector128.LessThanOrEqualAll(bytes - Vector128.Create((byte)0x21), Vector128.Create((byte)(0x7E - 0x21)))
        && !Vector128.EqualsAny(bytes, Vector128.Create((byte)','))
        && !Vector128.EqualsAny(bytes, Vector128.Create((byte)'"'));

    /// <summary>Whether every byte is an ASCII digit; values of 8 to 32 bytes are checked as two vectors.</summary>
    public static bool AreAsciiDigits(ReadOnlySpan<byte> value)
    {
        if (value.Length is < 8 or > 32) return !value.ContainsAnyExceptInRange((byte)'0', (byte)'9');
        var (head, tail) = Ends(value);
        return AreAsciiDigits(head) && AreAsciiDigits(tail);
    }

    private static bool AreAsciiDigits(Vector128<byte> bytes) =>
        Vector128.LessThanOrEqualAll(bytes - Vector128.Create((byte)'0'), Vector128.Create((byte)9));

    /// <summary>
    /// A value of 8 to 32 bytes as two 16-byte vectors that between them hold every byte: the first and last
    /// 16 bytes, overlapping, or under 16 bytes the first and last 8 side by side (then both vectors are that one).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (Vector128<byte> Head, Vector128<byte> Tail) Ends(ReadOnlySpan<byte> value)
    {
        ref var first = ref MemoryMarshal.GetReference(value);
        if (value.Length < 16)
        {
            var both = Vector128.Create(Unsafe.ReadUnaligned<ulong>(ref first), Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref first, value.Length - 8))).AsByte();
            return (both, both);
        }
        return (Vector128.LoadUnsafe(ref first), Vector128.LoadUnsafe(ref first, (nuint)(value.Length - 16)));
    }

    /// <summary><see cref="Core.Text.PersonalData.MaskMiddle"/> for plain ASCII, where every char is one byte.</summary>
    public static int MaskMiddle(ReadOnlySpan<byte> value, int keepFirst, int keepLast, Span<byte> destination)
    {
        var length = value.Length;
        if (length <= keepFirst + keepLast)
        {
            destination[..length].Fill((byte)'*');
            return length;
        }
        CopyShort(value, destination);
        FillShort(destination.Slice(keepFirst, length - keepFirst - keepLast), (byte)'*');
        return length;
    }

    /// <summary>
    /// Copies a short value with two overlapping loads and stores (up to 32 bytes), which beats a copy call
    /// for the few bytes of a cell; anything longer takes the general copy.
    /// </summary>
    public static void CopyShort(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        if ((uint)source.Length > (uint)destination.Length) throw new ArgumentException("The destination is too short.", nameof(destination));
        ref var from = ref MemoryMarshal.GetReference(source);
        ref var to = ref MemoryMarshal.GetReference(destination);
        var length = source.Length;
        switch (length)
        {
            case > 32:
                source.CopyTo(destination);
                break;
            case >= 16:
                var head = Vector128.LoadUnsafe(ref from);
                var tail = Vector128.LoadUnsafe(ref from, (nuint)(length - 16));
                head.StoreUnsafe(ref to);
                tail.StoreUnsafe(ref to, (nuint)(length - 16));
                break;
            case >= 8:
                var head8 = Unsafe.ReadUnaligned<ulong>(ref from);
                var tail8 = Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref from, length - 8));
                Unsafe.WriteUnaligned(ref to, head8);
                Unsafe.WriteUnaligned(ref Unsafe.Add(ref to, length - 8), tail8);
                break;
            case >= 4:
                var head4 = Unsafe.ReadUnaligned<uint>(ref from);
                var tail4 = Unsafe.ReadUnaligned<uint>(ref Unsafe.Add(ref from, length - 4));
                Unsafe.WriteUnaligned(ref to, head4);
                Unsafe.WriteUnaligned(ref Unsafe.Add(ref to, length - 4), tail4);
                break;
            default:
                for (var i = 0; i < length; i++) Unsafe.Add(ref to, i) = Unsafe.Add(ref from, i);
                break;
        }
    }

    /// <summary>Fills a short span with overlapping stores, as <see cref="CopyShort"/> copies.</summary>
    public static void FillShort(Span<byte> destination, byte value)
    {
        ref var to = ref MemoryMarshal.GetReference(destination);
        var length = destination.Length;
        switch (length)
        {
            case > 32:
                destination.Fill(value);
                break;
            case >= 16:
                Vector128.Create(value).StoreUnsafe(ref to);
                Vector128.Create(value).StoreUnsafe(ref to, (nuint)(length - 16));
                break;
            case >= 8:
                Unsafe.WriteUnaligned(ref to, 0x0101010101010101UL * value);
                Unsafe.WriteUnaligned(ref Unsafe.Add(ref to, length - 8), 0x0101010101010101UL * value);
                break;
            default:
                for (var i = 0; i < length; i++) Unsafe.Add(ref to, i) = value;
                break;
        }
    }
}
