using System.Buffers;
using System.Security.Cryptography;
using System.Text;

namespace ContestSite.Core.Bundles.Masking.Rules;

/// <summary>
/// Replaces a value with the first 16 hex chars of HMAC-SHA256 under the contest's secret key: the same
/// value gives the same token in every file, so teams can still join tables on it, but without the key
/// nobody can test guesses (an unkeyed hash of an ID or phone number is reversed by trying them all).
/// </summary>
public sealed class KeyedHashMasker : IValueMasker
{
    public const int MinimumKeyBytes = 16;
    private const int TokenChars = 16;
    private const int StackLimitBytes = 512;

    private readonly byte[] key;

    public KeyedHashMasker(ReadOnlySpan<byte> key)
    {
        if (key.Length < MinimumKeyBytes) throw new ArgumentException($"The key needs at least {MinimumKeyBytes} bytes.", nameof(key));
        this.key = key.ToArray();
    }

    public int MaxMaskedLength(int valueLength) => TokenChars;

    public int Mask(ReadOnlySpan<char> value, Span<char> destination)
    {
        var text = value.Trim();
        if (text.IsEmpty) return 0;
        var byteCount = Encoding.UTF8.GetByteCount(text);
        byte[]? rented = null;
        var utf8 = byteCount <= StackLimitBytes ? stackalloc byte[StackLimitBytes] : (rented = ArrayPool<byte>.Shared.Rent(byteCount));
        try
        {
            var written = Encoding.UTF8.GetBytes(text, utf8);
            Span<byte> mac = stackalloc byte[HMACSHA256.HashSizeInBytes];
            HMACSHA256.HashData(key, utf8[..written], mac);
            Convert.TryToHexStringLower(mac[..(TokenChars / 2)], destination, out var chars);
            return chars;
        }
        finally
        {
            if (rented is not null) ArrayPool<byte>.Shared.Return(rented);
        }
    }
}
