using System.Security.Cryptography;
using ContestSite.Data;
using ContestSite.Data.Accounts;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;

namespace ContestSite.Web.Accounts.TwoFactor;

/// <summary>
/// Identity's user store, except that the authenticator key and the recovery codes (rows of AspNetUserTokens) are
/// encrypted with the data-protection keys: a copy of the database alone gives nobody a second factor.
/// </summary>
public sealed class ProtectedUserStore(ContestDbContext context, IDataProtectionProvider protection, ILogger<ProtectedUserStore> logger,
    IdentityErrorDescriber? describer = null) : UserStore<SiteUser, SiteRole, ContestDbContext>(context, describer)
{
    /// <summary>The login provider and token names under which Identity's store keeps them.</summary>
    public const string IdentityStore = "[AspNetUserStore]";
    public const string AuthenticatorKeyName = "AuthenticatorKey";
    public const string RecoveryCodesName = "RecoveryCodes";

    private readonly IDataProtector _protector = protection.CreateProtector("ContestSite.Accounts.SecondFactor.v1");

    public override Task SetTokenAsync(SiteUser user, string loginProvider, string name, string? value, CancellationToken cancellationToken) =>
        base.SetTokenAsync(user, loginProvider, name, value is not null && IsSecret(loginProvider, name) ? _protector.Protect(value) : value, cancellationToken);

    public override async Task<string?> GetTokenAsync(SiteUser user, string loginProvider, string name, CancellationToken cancellationToken)
    {
        var stored = await base.GetTokenAsync(user, loginProvider, name, cancellationToken);
        if (stored is null || !IsSecret(loginProvider, name)) return stored;
        try
        {
            return _protector.Unprotect(stored);
        }
        catch (CryptographicException ex)
        {
            // The data-protection keys were lost or replaced: the secret is gone, as if never set. An organizer resets it.
            logger.LogWarning(ex, "The {Name} of user {UserId} cannot be decrypted with the current data-protection keys.", name, user.Id);
            return null;
        }
    }

    private static bool IsSecret(string loginProvider, string name) =>
        loginProvider == IdentityStore && name is AuthenticatorKeyName or RecoveryCodesName;
}
