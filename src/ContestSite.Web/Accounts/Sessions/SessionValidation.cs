using ContestSite.Data;
using ContestSite.Data.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.EntityFrameworkCore;

namespace ContestSite.Web.Accounts.Sessions;

/// <summary>
/// Runs for every request that carries a sign-in cookie (anonymous requests never get here): one primary-key read
/// decides whether the cookie's session is still open. A revoked, unknown or missing session rejects the cookie,
/// so sign-out on one node is seen by every node on the next request. The same read gives the account's version:
/// when it differs from the cookie's (a role granted or removed, any change of the account), the cookie is rebuilt
/// from the database before the request is authorized, on whichever node serves it.
/// </summary>
public static class SessionValidation
{
    /// <summary>How stale "last seen" may get before it is written again: keeps signed-in reads from writing on every request.</summary>
    public static readonly TimeSpan LastSeenGranularity = TimeSpan.FromMinutes(5);

    /// <summary>Whether the cookie's session is open; and, when it is, whether the account changed since the cookie was made.</summary>
    public static async Task<(bool Open, bool AccountChanged)> CheckAsync(CookieValidatePrincipalContext context)
    {
        if (context.Properties.Items.TryGetValue(UserSessions.PropertyKey, out var id) is false || string.IsNullOrEmpty(id)) return (false, false);
        var userId = context.Principal?.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value;
        var services = context.HttpContext.RequestServices;
        var db = services.GetRequiredService<ContestDbContext>();
        var session = await db.UserSessions.AsNoTracking().Where(s => s.Id == id)
            .Select(s => new { s.UserId, s.RevokedAt, s.LastSeenAt, Version = db.Users.Where(u => u.Id == s.UserId).Select(u => u.ConcurrencyStamp).FirstOrDefault() })
            .SingleOrDefaultAsync(context.HttpContext.RequestAborted);
        if (session is null || session.RevokedAt is not null || session.UserId != userId) return (false, false);

        context.HttpContext.Items[UserSessions.ItemKey] = id;
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        if (now - session.LastSeenAt >= LastSeenGranularity)
            await db.UserSessions.Where(s => s.Id == id).ExecuteUpdateAsync(s => s.SetProperty(x => x.LastSeenAt, now), context.HttpContext.RequestAborted);
        var cookieVersion = context.Principal?.FindFirst(SiteClaimsPrincipalFactory.AccountVersionClaim)?.Value;
        return (true, cookieVersion != session.Version);
    }


    /// <summary>The cookie's check: the session first (cheap, and final), then Identity's security-stamp check.</summary>
    public static async Task ValidatePrincipalAsync(CookieValidatePrincipalContext context, Func<CookieValidatePrincipalContext, Task> next)
    {
        var (open, changed) = await CheckAsync(context);
        if (!open)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(context.Scheme.Name);
            return;
        }
        if (changed)
        {
            // What Identity's security-stamp check does once a minute, now: a stale stamp signs out, else the roles are read again.
            var signIn = context.HttpContext.RequestServices.GetRequiredService<SignInManager<SiteUser>>();
            var user = await signIn.ValidateSecurityStampAsync(context.Principal);
            if (user is null)
            {
                context.RejectPrincipal();
                await context.HttpContext.SignOutAsync(context.Scheme.Name);
                return;
            }
            context.ReplacePrincipal(await signIn.CreateUserPrincipalAsync(user));
            context.ShouldRenew = true;
            return;
        }
        await next(context);
    }
}
