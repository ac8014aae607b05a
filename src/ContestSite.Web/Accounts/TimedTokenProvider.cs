using System.Text;
using ContestSite.Data.Accounts;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;

namespace ContestSite.Web.Accounts;

/// <summary>
/// Single-purpose tokens for the links we mail (confirm email, reset password, change email). Like the
/// framework's provider, a token carries its creation time, the user, the purpose and the security stamp,
/// protected by data protection; unlike it, time comes from the injected <see cref="TimeProvider"/>, so
/// expiry is decided by the site's clock and can be tested.
/// </summary>
public sealed class TimedTokenProvider(IDataProtectionProvider protection, TimeProvider clock) : IUserTwoFactorTokenProvider<SiteUser>
{
    public const string Name = "Timed";
    public static readonly TimeSpan Lifespan = TimeSpan.FromHours(24);
    private readonly IDataProtector _protector = protection.CreateProtector("ContestSite.Accounts.Tokens.v1");

    public async Task<string> GenerateAsync(string purpose, UserManager<SiteUser> manager, SiteUser user)
    {
        using var buffer = new MemoryStream();
        await using (var writer = new BinaryWriter(buffer, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(clock.GetUtcNow().UtcTicks);
            writer.Write(await manager.GetUserIdAsync(user));
            writer.Write(purpose);
            writer.Write(manager.SupportsUserSecurityStamp ? await manager.GetSecurityStampAsync(user) : "");
        }
        return Convert.ToBase64String(_protector.Protect(buffer.ToArray()));
    }

    public async Task<bool> ValidateAsync(string purpose, string token, UserManager<SiteUser> manager, SiteUser user)
    {
        byte[] payload;
        try
        {
            payload = _protector.Unprotect(Convert.FromBase64String(token));
        }
        catch (Exception ex) when (ex is FormatException or System.Security.Cryptography.CryptographicException)
        {
            return false;
        }
        using var reader = new BinaryReader(new MemoryStream(payload), Encoding.UTF8);
        try
        {
            var created = new DateTimeOffset(reader.ReadInt64(), TimeSpan.Zero);
            if (created + Lifespan < clock.GetUtcNow()) return false;
            if (reader.ReadString() != await manager.GetUserIdAsync(user)) return false;
            if (reader.ReadString() != purpose) return false;
            var stamp = reader.ReadString();
            return !manager.SupportsUserSecurityStamp || stamp == await manager.GetSecurityStampAsync(user);
        }
        catch (EndOfStreamException)
        {
            return false;
        }
    }

    public Task<bool> CanGenerateTwoFactorTokenAsync(UserManager<SiteUser> manager, SiteUser user) => Task.FromResult(false);
}
