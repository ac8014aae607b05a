using ContestSite.Data.Accounts;
using ContestSite.Web.Accounts.TwoFactor;
using Microsoft.AspNetCore.Identity;

namespace ContestSite.Web.Accounts.UseCases;

/// <summary>
/// The key an account without an authenticator is shown to enrol: made once and kept until enrolment is confirmed,
/// so reloading the page shows the same key. Nothing is enabled until a code from the app proves the key was taken.
/// </summary>
public sealed class StartAuthenticatorEnrolment(UserManager<SiteUser> users)
{
    /// <summary>The key in base32; null when the account already has an authenticator.</summary>
    public async Task<string?> KeyAsync(SiteUser user)
    {
        if (user.TwoFactorEnabled) return null;
        if (await users.GetAuthenticatorKeyAsync(user) is { Length: > 0 } key) return key;
        // Stored without touching the security stamp: an unconfirmed key protects nothing yet, and signs nobody out.
        key = users.GenerateNewAuthenticatorKey();
        await users.SetAuthenticationTokenAsync(user, ProtectedUserStore.IdentityStore, ProtectedUserStore.AuthenticatorKeyName, key);
        return key;
    }
}
