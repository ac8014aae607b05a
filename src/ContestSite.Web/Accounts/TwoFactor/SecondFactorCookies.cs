using System.Security.Claims;
using ContestSite.Data.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace ContestSite.Web.Accounts.TwoFactor;

/// <summary>
/// The two cookies of the code step, both Identity's schemes: who has typed the right password and now owes a code
/// (five minutes), and a device whose owner asked not to be asked again (<see cref="RememberDeviceFor"/>, not renewed).
/// A remembered device counts only while the account's security stamp is the one it was remembered with, so a reset
/// of the authenticator, a new password or disabling the account forgets every device.
/// </summary>
public sealed class SecondFactorCookies(IHttpContextAccessor http, IOptions<IdentityOptions> identity)
{
    public static readonly TimeSpan RememberDeviceFor = TimeSpan.FromDays(30);
    private const string PersistentClaim = "cs-persistent";

    private HttpContext Http => http.HttpContext ?? throw new InvalidOperationException("The code step needs a request.");

    /// <summary>Records that <paramref name="user"/> typed the right password; the sign-in waits for the code.</summary>
    public Task BeginAsync(SiteUser user, bool persistent) =>
        Http.SignInAsync(IdentityConstants.TwoFactorUserIdScheme, new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, user.Id), new Claim(PersistentClaim, persistent ? "1" : "0")], IdentityConstants.TwoFactorUserIdScheme)));

    /// <summary>The account waiting for its code on this browser, and whether it asked to stay signed in.</summary>
    public async Task<(string UserId, bool Persistent)?> PendingAsync()
    {
        var result = await Http.AuthenticateAsync(IdentityConstants.TwoFactorUserIdScheme);
        return result.Principal?.FindFirstValue(ClaimTypes.Name) is { } userId
            ? (userId, result.Principal.FindFirstValue(PersistentClaim) == "1")
            : null;
    }

    public Task EndAsync() => Http.SignOutAsync(IdentityConstants.TwoFactorUserIdScheme);

    public async Task<bool> IsRememberedAsync(SiteUser user)
    {
        var result = await Http.AuthenticateAsync(IdentityConstants.TwoFactorRememberMeScheme);
        return result.Principal is { } device
            && device.FindFirstValue(ClaimTypes.Name) == user.Id
            && device.FindFirstValue(identity.Value.ClaimsIdentity.SecurityStampClaimType) is { Length: > 0 } stamp
            && stamp == user.SecurityStamp;
    }

    /// <summary>
    /// Like Identity's own, but the cookie is never refreshed: the security-stamp check would otherwise renew it on use,
    /// and a device would stay remembered for ever.
    /// </summary>
    public Task RememberAsync(SiteUser user) =>
        Http.SignInAsync(IdentityConstants.TwoFactorRememberMeScheme, new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, user.Id), new Claim(identity.Value.ClaimsIdentity.SecurityStampClaimType, user.SecurityStamp ?? "")],
            IdentityConstants.TwoFactorRememberMeScheme)), new AuthenticationProperties { IsPersistent = true, AllowRefresh = false });
}
