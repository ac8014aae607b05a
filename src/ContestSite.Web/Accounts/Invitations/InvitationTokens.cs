using System.Security.Cryptography;
using System.Text;

namespace ContestSite.Web.Accounts.Invitations;

/// <summary>
/// The token of an invitation link: 32 random bytes, base64url. Only its SHA-256 is stored, so someone who reads the
/// table (or a backup) holds no working link; a plain hash is enough because the token is random, not chosen.
/// </summary>
public static class InvitationTokens
{
    public static string New() => Base64Url(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
