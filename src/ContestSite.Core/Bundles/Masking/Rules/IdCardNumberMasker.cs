using ContestSite.Core.Text;

namespace ContestSite.Core.Bundles.Masking.Rules;

/// <summary>
/// 身份证号 (resident ID number): 330***********1234. The 18-digit form (last char may be the X check
/// char) and the old 15-digit form keep their first three and last four chars; anything else in an ID
/// column is not recognisably an ID, so it is starred whole rather than guessed at.
/// </summary>
public sealed class IdCardNumberMasker : IValueMasker
{
    public int MaxMaskedLength(int valueLength) => valueLength;

    public int Mask(ReadOnlySpan<char> value, Span<char> destination)
    {
        var id = value.Trim();
        if (LooksLikeIdNumber(id)) return PersonalData.MaskMiddle(id, 3, 4, destination);
        destination[..id.Length].Fill('*');
        return id.Length;
    }

    private static bool LooksLikeIdNumber(ReadOnlySpan<char> id) => id.Length switch
    {
        15 => !id.ContainsAnyExceptInRange('0', '9'),
        18 => !id[..17].ContainsAnyExceptInRange('0', '9') && (char.IsAsciiDigit(id[17]) || id[17] is 'X' or 'x'),
        _ => false,
    };
}
