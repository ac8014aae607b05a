using ContestSite.Core.Text;

namespace ContestSite.Core.Bundles.Masking.Rules;

/// <summary>
/// 身份证号 (resident ID number): 330***********1234. The 18-digit form (last char may be the X check
/// char) and the old 15-digit form keep their first three and last four chars; anything else in an ID
/// column is not recognisably an ID, so it is starred whole rather than guessed at.
/// </summary>
public sealed class IdCardNumberMasker : IValueMasker, IUtf8ValueMasker
{
    public int MaxMaskedLength(int valueLength) => valueLength;

    public int Mask(ReadOnlySpan<char> value, Span<char> destination)
    {
        var id = value.Trim();
        if (LooksLikeIdNumber(id)) return PersonalData.MaskMiddle(id, 3, 4, destination);
        destination[..id.Length].Fill('*');
        return id.Length;
    }

    bool IUtf8ValueMasker.TryMaskUtf8(ReadOnlySpan<byte> value, Span<byte> destination, out int written)
    {
        written = 0;
        // Digits (and the check char) are plain ASCII, so an ID number needs no further test.
        if (LooksLikeIdNumber(value)) written = Utf8ValueMasking.MaskMiddle(value, 3, 4, destination);
        else if (Utf8ValueMasking.IsPlainAscii(value))
        {
            destination[..value.Length].Fill((byte)'*');
            written = value.Length;
        }
        else return false;
        return true;
    }

    private static bool LooksLikeIdNumber(ReadOnlySpan<byte> id) => id.Length switch
    {
        15 => Utf8ValueMasking.AreAsciiDigits(id),
        18 => Utf8ValueMasking.AreAsciiDigits(id[..17]) && (char.IsAsciiDigit((char)id[17]) || id[17] is (byte)'X' or (byte)'x'),
        _ => false,
    };

    private static bool LooksLikeIdNumber(ReadOnlySpan<char> id) => id.Length switch
    {
        15 => !id.ContainsAnyExceptInRange('0', '9'),
        18 => !id[..17].ContainsAnyExceptInRange('0', '9') && (char.IsAsciiDigit(id[17]) || id[17] is 'X' or 'x'),
        _ => false,
    };
}
