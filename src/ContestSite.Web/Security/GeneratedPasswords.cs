using System.Security.Cryptography;

namespace ContestSite.Web.Security;

/// <summary>Passwords the site makes and prints once (the first organizer, the demo accounts, a reset): unambiguous letters, with a digit and a lower-case letter so Identity's rules pass.</summary>
public static class GeneratedPasswords
{
    public static string New()
    {
        const string alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        var body = RandomNumberGenerator.GetString(alphabet, 18);
        return body + RandomNumberGenerator.GetString("23456789", 1) + RandomNumberGenerator.GetString("abcdefghijkmnpqrstuvwxyz", 1);
    }
}
