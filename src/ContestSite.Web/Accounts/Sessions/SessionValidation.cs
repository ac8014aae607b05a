using ContestSite.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.EntityFrameworkCore;

namespace ContestSite.Web.Accounts.Sessions;

/// <summary>
/// Runs for every request that carries a sign-in cookie (anonymous requests never get here): one primary-key read
/// decides whether the cookie's session is still open. A revoked, unknown or missing session rejects the cookie,
/// so sign-out on one node is seen by every node on the next request.
/// </summary>
public static class SessionValidation
{
    /// <summary>How stale "last seen" may get before it is written again: keeps signed-in reads from writing on every request.</summary>
    public static readonly TimeSpan LastSeenGranularity = TimeSpan.FromMinutes(5);

    public static async Task<bool> IsOpenAsync(CookieValidatePrincipalContext context)
    {
        if (context.Properties.Items.TryGetValue(UserSessions.PropertyKey, out var id) is false || string.IsNullOrEmpty(id)) return false;
        var userId = context.Principal?.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value;
        var services = context.HttpContext.RequestServices;
        var db = services.GetRequiredService<ContestDbContext>();
        var session = await db.UserSessions.AsNoTracking().Where(s => s.Id == id)
            .Select(s => new { s.UserId, s.RevokedAt, s.LastSeenAt }).SingleOrDefaultAsync(context.HttpContext.RequestAborted);
        if (session is null || session.RevokedAt is not null || session.UserId != userId) return false;

        context.HttpContext.Items[UserSessions.ItemKey] = id;
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        if (now - session.LastSeenAt >= LastSeenGranularity)
            await db.UserSessions.Where(s => s.Id == id).ExecuteUpdateAsync(s => s.SetProperty(x => x.LastSeenAt, now), context.HttpContext.RequestAborted);
        return true;
    }

    /// <summary>The cookie's check: the session first (cheap, and final), then Identity's security-stamp check.</summary>
    public static async Task ValidatePrincipalAsync(CookieValidatePrincipalContext context, Func<CookieValidatePrincipalContext, Task> next)
    {
        if (!await IsOpenAsync(context))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(context.Scheme.Name);
            return;
        }
        await next(context);
    }
}
