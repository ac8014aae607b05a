using System.Buffers.Text;
using System.Security.Cryptography;
using ContestSite.Data;
using ContestSite.Data.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace ContestSite.Web.Accounts.Sessions;

/// <summary>
/// Server-side sign-in sessions: every sign-in gets a <see cref="UserSession"/> row whose id rides in the cookie's
/// properties (they survive the principal being rebuilt by the security-stamp check and by RefreshSignInAsync).
/// Revoking a row ends that cookie on every node at the next request.
/// </summary>
public sealed class UserSessions(ContestDbContext db, SignInManager<SiteUser> signIn, TimeProvider clock, IHttpContextAccessor http)
{
    /// <summary>The key of the session id in the cookie's authentication properties.</summary>
    public const string PropertyKey = "cs-session";
    /// <summary>Where the validated session id is kept for the rest of the request.</summary>
    internal const string ItemKey = "cs-session";
    /// <summary>The sign-in cookie's sliding lifetime (<see cref="AccountsFeature"/>).</summary>
    public static readonly TimeSpan CookieLifetime = TimeSpan.FromDays(14);
    /// <summary>Rows of sessions no cookie can still carry are deleted at the user's next sign-in.</summary>
    private static readonly TimeSpan KeepFor = CookieLifetime + TimeSpan.FromDays(1);

    /// <summary>Signs the user in on this browser with a new session.</summary>
    public async Task SignInAsync(SiteUser user, bool persistent)
    {
        var now = clock.GetUtcNow();
        var context = http.HttpContext ?? throw new InvalidOperationException("Sign-in needs a request.");
        var session = new UserSession
        {
            Id = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32)),
            UserId = user.Id,
            CreatedAt = now,
            LastSeenAt = now,
            Device = DeviceSummary.From(context.Request.Headers.UserAgent.ToString()),
        };
        var stale = now - KeepFor;
        await db.UserSessions.Where(s => s.UserId == user.Id && (s.LastSeenAt < stale || s.RevokedAt < stale)).ExecuteDeleteAsync();
        db.UserSessions.Add(session);
        await db.SaveChangesAsync();
        var properties = new AuthenticationProperties { IsPersistent = persistent };
        properties.Items[PropertyKey] = session.Id;
        await signIn.SignInAsync(user, properties);
    }

    /// <summary>The session of the current request, if it is signed in.</summary>
    public string? CurrentId => http.HttpContext?.Items[ItemKey] as string;

    /// <summary>Ends this browser's session everywhere and removes its cookie.</summary>
    public async Task SignOutAsync()
    {
        if (CurrentId is { } id)
            await db.UserSessions.Where(s => s.Id == id && s.RevokedAt == null).ExecuteUpdateAsync(s => s.SetProperty(x => x.RevokedAt, clock.GetUtcNow()));
        await signIn.SignOutAsync();
    }

    /// <summary>Ends every session of the user (but <paramref name="except"/>): after a password change or reset, when disabled, or on request.</summary>
    public Task<int> RevokeAllAsync(string userId, string? except = null) =>
        db.UserSessions.Where(s => s.UserId == userId && s.RevokedAt == null && s.Id != except)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.RevokedAt, clock.GetUtcNow()));

    /// <summary>The sessions a cookie may still carry (not revoked, seen within the cookie's lifetime), most recent first.</summary>
    public async Task<IReadOnlyList<UserSession>> ActiveAsync(string userId)
    {
        var seenSince = clock.GetUtcNow() - CookieLifetime;
        return await db.UserSessions.AsNoTracking().Where(s => s.UserId == userId && s.RevokedAt == null && s.LastSeenAt >= seenSince)
            .OrderByDescending(s => s.LastSeenAt).Take(50).ToListAsync();
    }
}
