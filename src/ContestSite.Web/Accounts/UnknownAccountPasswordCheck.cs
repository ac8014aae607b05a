using ContestSite.Data.Accounts;
using Microsoft.AspNetCore.Identity;

namespace ContestSite.Web.Accounts;

/// <summary>
/// Spends on an address without an account the same hashing work as a real password check, so how long the
/// answer takes does not tell which addresses have accounts.
/// </summary>
public sealed class UnknownAccountPasswordCheck(IPasswordHasher<SiteUser> hasher)
{
    private static readonly SiteUser Nobody = new() { DisplayName = "" };
    private static string? s_hash;

    public void Spend(string password)
    {
        var hash = s_hash ??= hasher.HashPassword(Nobody, Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16)));
        hasher.VerifyHashedPassword(Nobody, hash, password);
    }
}
