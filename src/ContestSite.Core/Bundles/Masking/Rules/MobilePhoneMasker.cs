using ContestSite.Core.Text;

namespace ContestSite.Core.Bundles.Masking.Rules;

/// <summary>手机号: 138****1234, the same mask the site shows members' phones with.</summary>
public sealed class MobilePhoneMasker : IValueMasker
{
    public int MaxMaskedLength(int valueLength) => valueLength;

    public int Mask(ReadOnlySpan<char> value, Span<char> destination) => PersonalData.MaskPhone(value, destination);
}
