using ContestSite.Core.Text;

namespace ContestSite.Core.Bundles.Masking.Rules;

/// <summary>An organizer-defined rule: keep the first N and last M chars, star the middle.</summary>
public sealed class KeepFirstLastMasker(int keepFirst, int keepLast) : IValueMasker
{
    public int KeepFirst { get; } = keepFirst;
    public int KeepLast { get; } = keepLast;

    public int MaxMaskedLength(int valueLength) => valueLength;

    public int Mask(ReadOnlySpan<char> value, Span<char> destination) =>
        PersonalData.MaskMiddle(value.Trim(), KeepFirst, KeepLast, destination);
}
