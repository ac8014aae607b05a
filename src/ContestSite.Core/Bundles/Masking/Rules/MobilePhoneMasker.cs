using ContestSite.Core.Text;

namespace ContestSite.Core.Bundles.Masking.Rules;

/// <summary>手机号: 138****1234, the same mask the site shows members' phones with.</summary>
public sealed class MobilePhoneMasker : IValueMasker, IUtf8ValueMasker
{
    public int MaxMaskedLength(int valueLength) => valueLength;

    public int Mask(ReadOnlySpan<char> value, Span<char> destination) => PersonalData.MaskPhone(value, destination);

    bool IUtf8ValueMasker.TryMaskUtf8(ReadOnlySpan<byte> value, Span<byte> destination, out int written)
    {
        written = Utf8ValueMasking.IsPlainAscii(value) ? Utf8ValueMasking.MaskMiddle(value, 3, 4, destination) : 0;
        return written > 0 || value.IsEmpty;
    }
}
