using System.Text;

namespace ContestSite.Core.Bundles.Masking.Rules;

/// <summary>
/// 姓名: the surname stays and every other char becomes a star (张*, 张**, 欧阳**), so the length of a
/// Chinese name shows but not the given name. A name that is not Chinese (John Smith) keeps its first
/// letter and gets a fixed *** so neither its length nor its surname shows.
/// </summary>
public sealed class PersonNameMasker : IValueMasker
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
