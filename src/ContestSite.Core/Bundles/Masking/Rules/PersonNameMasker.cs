using System.Text;

namespace ContestSite.Core.Bundles.Masking.Rules;

/// <summary>
/// 姓名: the surname stays and every other char becomes a star (张*, 张**, 欧阳**), so the length of a
/// Chinese name shows but not the given name. A name that is not Chinese (John Smith) keeps its first
/// letter and gets a fixed *** so neither its length nor its surname shows.
/// </summary>
public sealed class PersonNameMasker : IValueMasker, IUtf8ValueMasker
{
    private const string LatinTail = "***";

    public int MaxMaskedLength(int valueLength) => valueLength + LatinTail.Length;

    public int Mask(ReadOnlySpan<char> value, Span<char> destination)
    {
        var name = value.Trim();
        if (name.IsEmpty) return 0;
        if (!StartsWithHanCharacter(name)) return MaskLatin(name, destination);
        if (name.Length == 1)
        {
            destination[0] = '*';
            return 1;
        }
        var surname = name.Length > 2 && CompoundSurnames.StartsWithOne(name) ? 2 : 1;
        name[..surname].CopyTo(destination);
        destination[surname..name.Length].Fill('*');
        return name.Length;
    }

    /// <summary>
    /// The common case straight from bytes: a name made only of Han characters of the basic plane, three
    /// UTF-8 bytes each (none of them is white space, so there is nothing to trim).
    /// </summary>
    bool IUtf8ValueMasker.TryMaskUtf8(ReadOnlySpan<byte> value, Span<byte> destination, out int written)
    {
        written = 0;
        if (value.IsEmpty || value.Length % 3 != 0) return false;
        for (var i = 0; i < value.Length; i += 3)
        {
            // Lead bytes E3-E9 start U+3000-U+9FFF; U+3000-U+33FF (ideographic space, punctuation) is refused below.
            if (value[i] is < 0xE3 or > 0xE9 || value[i + 1] < 0x80 || value[i + 2] < 0x80) return false;
            if (value[i] == 0xE3 && value[i + 1] < 0x90) return false;
        }
        var count = value.Length / 3;
        Span<char> head = [ThreeByteChar(value), count > 1 ? ThreeByteChar(value[3..]) : '\0'];
        if (!StartsWithHanCharacter(head)) return false;
        if (count == 1)
        {
            destination[0] = (byte)'*';
            written = 1;
            return true;
        }
        var surname = count > 2 && CompoundSurnames.StartsWithOne(head) ? 2 : 1;
        Utf8ValueMasking.CopyShort(value[..(3 * surname)], destination);
        Utf8ValueMasking.FillShort(destination.Slice(3 * surname, count - surname), (byte)'*');
        written = 3 * surname + count - surname;
        return true;
    }

    private static char ThreeByteChar(ReadOnlySpan<byte> utf8) => (char)(((utf8[0] & 0x0F) << 12) | ((utf8[1] & 0x3F) << 6) | (utf8[2] & 0x3F));

    private static int MaskLatin(ReadOnlySpan<char> name, Span<char> destination)
    {
        Rune.DecodeFromUtf16(name, out _, out var firstLength);
        name[..firstLength].CopyTo(destination);
        LatinTail.CopyTo(destination[firstLength..]);
        return firstLength + LatinTail.Length;
    }

    // CJK Unified Ideographs and Extension A; rarer extensions are surrogate pairs and fall to the Latin form, which hides more.
    private static bool StartsWithHanCharacter(ReadOnlySpan<char> name) => name[0] is >= '\u4E00' and <= '\u9FFF' or >= '\u3400' and <= '\u4DBF';
}
