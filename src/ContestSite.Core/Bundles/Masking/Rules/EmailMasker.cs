using ContestSite.Core.Text;

namespace ContestSite.Core.Bundles.Masking.Rules;

/// <summary>电子邮箱: a***@example.com, the same mask the site uses elsewhere.</summary>
public sealed class EmailMasker : IValueMasker
{
    public int MaxMaskedLength(int valueLength) => valueLength + 3;

    public int Mask(ReadOnlySpan<char> value, Span<char> destination)
    {
        var email = value.Trim();
        return email.IsEmpty ? 0 : PersonalData.MaskEmail(email, destination);
    }
}
