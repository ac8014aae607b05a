using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using System.Text.Unicode;

namespace ContestSite.Core.Text;

/// <summary>
/// Says whether bytes are valid UTF-8, exactly as <see cref="Utf8.IsValid"/> does, but 32 bytes at a time
/// even for Chinese text, where the runtime's check slows to a few bytes per step. It is the classification
/// by lookup tables of Keiser and Lemire ("Validating UTF-8 in less than one instruction per byte", 2021):
/// three table look-ups on the nibbles of each byte and the byte before it name every error of a two-byte
/// window, and the bytes two and three back say where a continuation byte must be. Without AVX2 it is
/// <see cref="Utf8.IsValid"/>.
/// </summary>
public static class Utf8Validator
{
    // Error classes of a (previous byte, byte) pair; a pair is bad when all three look-ups agree on one bit.
    private const byte TooShort = 1 << 0;      // a lead or ASCII where a continuation was due
    private const byte TooLong = 1 << 1;       // a continuation after ASCII
    private const byte Overlong3 = 1 << 2;     // E0 followed by 80-9F
    private const byte TooLarge = 1 << 3;      // above U+10FFFF
    private const byte Surrogate = 1 << 4;     // ED followed by A0-BF
    private const byte Overlong2 = 1 << 5;     // C0 or C1
    private const byte TooLarge1000 = 1 << 6;  // F5 and above followed by 80-8F
    private const byte Overlong4 = 1 << 6;     // F0 followed by 80-8F
    private const byte TwoContinuations = 1 << 7;
    private const byte Carry = TooShort | TooLong | TwoContinuations;

    private static readonly Vector256<byte> FirstHigh = Twice(
        TooLong, TooLong, TooLong, TooLong, TooLong, TooLong, TooLong, TooLong,
        TwoContinuations, TwoContinuations, TwoContinuations, TwoContinuations,
        TooShort | Overlong2, TooShort, TooShort | Overlong3 | Surrogate, TooShort | TooLarge | TooLarge1000 | Overlong4);

    private static readonly Vector256<byte> FirstLow = Twice(
        Carry | Overlong3 | Overlong2 | Overlong4, Carry | Overlong2, Carry, Carry,
        Carry | TooLarge, Carry | TooLarge | TooLarge1000, Carry | TooLarge | TooLarge1000, Carry | TooLarge | TooLarge1000,
        Carry | TooLarge | TooLarge1000, Carry | TooLarge | TooLarge1000, Carry | TooLarge | TooLarge1000, Carry | TooLarge | TooLarge1000,
        Carry | TooLarge | TooLarge1000, Carry | TooLarge | TooLarge1000 | Surrogate, Carry | TooLarge | TooLarge1000, Carry | TooLarge | TooLarge1000);

    private static readonly Vector256<byte> SecondHigh = Twice(
        TooShort, TooShort, TooShort, TooShort, TooShort, TooShort, TooShort, TooShort,
        TooLong | Overlong2 | TwoContinuations | Overlong3 | TooLarge1000 | Overlong4,
        TooLong | Overlong2 | TwoContinuations | Overlong3 | TooLarge,
        TooLong | Overlong2 | TwoContinuations | Surrogate | TooLarge,
        TooLong | Overlong2 | TwoContinuations | Surrogate | TooLarge,
        TooShort, TooShort, TooShort, TooShort);

    // A block ends mid-sequence when its last byte is any lead, its second last a lead of 3 or 4, or its third last a lead of 4.
    private static readonly Vector256<byte> IncompleteAbove = Vector256.Create(
        (byte)255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255,
        255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 0xF0 - 1, 0xE0 - 1, 0xC0 - 1);

    public static bool IsValid(ReadOnlySpan<byte> utf8) => Avx2.IsSupported ? IsValidAvx2(utf8) : Utf8.IsValid(utf8);

    private static bool IsValidAvx2(ReadOnlySpan<byte> utf8)
    {
        ref var start = ref MemoryMarshal.GetReference(utf8);
        var previous = Vector256<byte>.Zero;
        var incomplete = Vector256<byte>.Zero;
        var error = Vector256<byte>.Zero;
        var full = utf8.Length - utf8.Length % Vector256<byte>.Count;
        for (var offset = 0; offset < full; offset += Vector256<byte>.Count)
        {
            var block = Vector256.LoadUnsafe(ref start, (nuint)offset);
            Check(block, ref previous, ref incomplete, ref error);
        }
        if (full < utf8.Length)
        {
            // The tail padded with zeros, which are ASCII and so end nothing early that the data did not.
            Span<byte> tail = stackalloc byte[Vector256<byte>.Count];
            tail.Clear();
            utf8[full..].CopyTo(tail);
            Check(Vector256.Create<byte>(tail), ref previous, ref incomplete, ref error);
        }
        error |= incomplete;
        return error == Vector256<byte>.Zero;
    }

    private static void Check(Vector256<byte> block, ref Vector256<byte> previous, ref Vector256<byte> incomplete, ref Vector256<byte> error)
    {
        if (Avx2.MoveMask(block) == 0)
        {
            // All ASCII: only a sequence left open by the block before can be wrong.
            error |= incomplete;
            previous = block;
            incomplete = Vector256<byte>.Zero;
            return;
        }
        // Each byte's neighbours one, two and three places back, reaching into the block before.
        var carried = Avx2.Permute2x128(previous, block, 0x21);
        var previous1 = Avx2.AlignRight(block, carried, 15);
        var special = Avx2.Shuffle(FirstHigh, HighNibbles(previous1)) & Avx2.Shuffle(FirstLow, previous1 & Vector256.Create((byte)0x0F))
            & Avx2.Shuffle(SecondHigh, HighNibbles(block));
        var thirdByte = Avx2.SubtractSaturate(Avx2.AlignRight(block, carried, 14), Vector256.Create((byte)(0xE0 - 0x80)));
        var fourthByte = Avx2.SubtractSaturate(Avx2.AlignRight(block, carried, 13), Vector256.Create((byte)(0xF0 - 0x80)));
        var mustContinue = (thirdByte | fourthByte) & Vector256.Create((byte)0x80);
        error |= mustContinue ^ special;
        incomplete = Avx2.SubtractSaturate(block, IncompleteAbove);
        previous = block;
    }

    // Shuffle reads only the low four bits of each index (the high bit would zero the byte, so it is masked off too).
    private static Vector256<byte> HighNibbles(Vector256<byte> bytes) =>
        Avx2.ShiftRightLogical(bytes.AsUInt16(), 4).AsByte() & Vector256.Create((byte)0x0F);

    private static Vector256<byte> Twice(params ReadOnlySpan<int> table)
    {
        Span<byte> bytes = stackalloc byte[Vector256<byte>.Count];
        for (var i = 0; i < bytes.Length; i++) bytes[i] = (byte)table[i % 16];
        return Vector256.Create<byte>(bytes);
    }
}
