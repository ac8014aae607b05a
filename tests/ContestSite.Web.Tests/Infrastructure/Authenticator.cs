using ContestSite.Data;
using ContestSite.Data.Accounts;
using ContestSite.Web.Accounts.TwoFactor;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OtpNet;

namespace ContestSite.Web.Tests.Infrastructure;

/// <summary>
/// The person's authenticator app, for tests: codes are computed from the account's key with Otp.NET (an
/// implementation other than the site's), at the site's clock.
/// </summary>
public static class Authenticator
{
    /// <summary>The code an app shows at <paramref name="moment"/> for <paramref name="base32Key"/>.</summary>
    public static string CodeAt(string base32Key, DateTimeOffset moment) =>
        new Totp(Base32Encoding.ToBytes(base32Key)).ComputeTotp(moment.UtcDateTime);

    /// <summary>The account's key as the site keeps it (decrypted through the site's own store).</summary>
    public static async Task<string> AuthenticatorKeyAsync(this SiteFactory site, string email)
    {
        string? key = null;
        await site.WithScopeAsync(async services =>
        {
            var users = services.GetRequiredService<UserManager<SiteUser>>();
            var user = await users.FindByEmailAsync(email) ?? throw new InvalidOperationException($"no account {email}");
            key = await users.GetAuthenticatorKeyAsync(user);
        });
        return key ?? throw new InvalidOperationException($"{email} has no authenticator key");
    }

    /// <summary>The code the account's app shows now, on the site's clock.</summary>
    public static async Task<string> AuthenticatorCodeAsync(this SiteFactory site, string email, TimeSpan? offset = null) =>
        CodeAt(await site.AuthenticatorKeyAsync(email), site.Clock.GetUtcNow() + (offset ?? TimeSpan.Zero));

    /// <summary>An authenticator enrolled directly in the database (enrolment through the page is tested in TwoFactorTests).</summary>
    public static async Task EnrolAuthenticatorAsync(this SiteFactory site, string email)
    {
        await site.WithScopeAsync(async services =>
        {
            var users = services.GetRequiredService<UserManager<SiteUser>>();
            var user = await users.FindByEmailAsync(email) ?? throw new InvalidOperationException($"no account {email}");
            await users.ResetAuthenticatorKeyAsync(user);
            await users.SetTwoFactorEnabledAsync(user, true);
        });
    }

    public static async Task<bool> SecondFactorRequiredAsync(this SiteFactory site, string userId)
    {
        using var scope = site.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<SecondFactorPolicy>().IsRequiredAsync(userId);
    }

    /// <summary>Enrols the account when its role requires an authenticator and it has none yet; true when it has one now.</summary>
    public static async Task<bool> EnrolAuthenticatorIfRequiredAsync(this SiteFactory site, string email)
    {
        var user = await site.WithDbAsync(db => db.Users.AsNoTracking().Where(u => u.Email == email).Select(u => new { u.Id, u.TwoFactorEnabled }).SingleOrDefaultAsync());
        var state = user is null ? null : new { user.TwoFactorEnabled, Required = await site.SecondFactorRequiredAsync(user.Id) };
        if (state is null) return false;
        if (state.TwoFactorEnabled) return true;
        if (!state.Required) return false;
        await site.EnrolAuthenticatorAsync(email);
        return true;
    }

    /// <summary>
    /// Lets the current code be accepted again. The builders sign the same organizer in many times on a clock that
    /// stands still; a person would wait for the next code. The tests of the refusal itself never call this.
    /// </summary>
    public static Task ForgetLastAuthenticatorCodeAsync(this SiteFactory site, string email) =>
        site.WithDbAsync(db => db.Users.Where(u => u.Email == email).ExecuteUpdateAsync(s => s.SetProperty(u => u.LastAuthenticatorTimeStep, (long?)null)));
}
