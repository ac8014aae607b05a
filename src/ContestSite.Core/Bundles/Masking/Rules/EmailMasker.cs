using ContestSite.Core.Text;

namespace ContestSite.Core.Bundles.Masking.Rules;

/// <summary>电子邮箱: a***@example.com, the same mask the site uses elsewhere.</summary>
public sealed class EmailMasker : IValueMasker, IUtf8ValueMasker
{
    public int MaxMaskedLength(int valueLength) => valueLength + 3;

    public int Mask(ReadOnlySpan<char> value, Span<char> destination)
    {
        var email = value.Trim();
        return email.IsEmpty ? 0 : PersonalData.MaskEmail(email, destination);
    }

    bool IUtf8ValueMasker.TryMaskUtf8(ReadOnlySpan<byte> value, Span<byte> destination, out int written)
    {
        written = 0;
        if (!Utf8ValueMasking.IsPlainAscii(value)) return false;
        var at = value.IndexOf((byte)'@');
        if (at <= 0)
        {
            destination[..value.Length].Fill((byte)'*');
            written = value.Length;
            return true;
        }
        destination[0] = value[0];
        "***"u8.CopyTo(destination[1..]);
        Utf8ValueMasking.CopyShort(value[at..], destination[4..]);
        written = 4 + value.Length - at;
        return true;
    }
}
