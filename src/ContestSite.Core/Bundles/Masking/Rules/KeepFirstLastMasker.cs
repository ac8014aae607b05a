using ContestSite.Core.Text;

namespace ContestSite.Core.Bundles.Masking.Rules;

/// <summary>An organizer-defined rule: keep the first N and last M chars, star the middle.</summary>
public sealed class KeepFirstLastMasker(int keepFirst, int keepLast) : IValueMasker, IUtf8ValueMasker
{
    public int KeepFirst { get; } = keepFirst;
    public int KeepLast { get; } = keepLast;

    public int MaxMaskedLength(int valueLength) => valueLength;

    public int Mask(ReadOnlySpan<char> value, Span<char> destination) =>
        PersonalData.MaskMiddle(value.Trim(), KeepFirst, KeepLast, destination);

    bool IUtf8ValueMasker.TryMaskUtf8(ReadOnlySpan<byte> value, Span<byte> destination, out int written)
    {
        written = Utf8ValueMasking.IsPlainAscii(value) ? Utf8ValueMasking.MaskMiddle(value, KeepFirst, KeepLast, destination) : 0;
        return written > 0 || value.IsEmpty;
    }
}
