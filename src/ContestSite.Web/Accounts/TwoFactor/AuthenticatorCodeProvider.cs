using System.Buffers.Binary;
using System.Security.Cryptography;
using ContestSite.Data;
using ContestSite.Data.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace ContestSite.Web.Accounts.TwoFactor;

/// <summary>
/// Checks authenticator codes (TOTP, RFC 6238: HMAC-SHA1, 30-second steps, 6 digits) against the key Identity keeps
/// for the user. It replaces Identity's own provider for two reasons: that one reads the machine clock (this one the
/// injected <see cref="TimeProvider"/>, so tests and the site agree on the time), and it accepts the same code again
/// and again while it is valid. Here a code of one step either side of now is accepted once: the step of every
/// accepted code is recorded per user, and a code of that step or an earlier one is refused afterwards.
/// </summary>
public sealed class AuthenticatorCodeProvider(ContestDbContext db, TimeProvider clock) : IUserTwoFactorTokenProvider<SiteUser>
{
    public const string Name = "SiteAuthenticator";
    public static readonly TimeSpan Step = TimeSpan.FromSeconds(30);
    /// <summary>One step either side: a phone clock a little off still works, and a code lives at most 90 seconds.</summary>
    private const int StepsEitherSide = 1;

    public async Task<bool> ValidateAsync(string purpose, string token, UserManager<SiteUser> manager, SiteUser user)
    {
        if (AuthenticatorCode.Normalize(token) is not { } code) return false;
        var key = await manager.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key) || Base32.Decode(key) is not { Length: > 0 } secret) return false;

        var now = TimeStepAt(clock.GetUtcNow());
        long? matched = null;
        for (var step = now - StepsEitherSide; step <= now + StepsEitherSide; step++)
            if (CryptographicOperations.FixedTimeEquals(System.Text.Encoding.ASCII.GetBytes(AuthenticatorCode.At(secret, step)), System.Text.Encoding.ASCII.GetBytes(code)))
                matched = step;
        if (matched is not { } accepted) return false;

        // One conditional update, so two requests racing with the same code cannot both win.
        var claimed = await db.Users
            .Where(u => u.Id == user.Id && (u.LastAuthenticatorTimeStep == null || u.LastAuthenticatorTimeStep < accepted))
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.LastAuthenticatorTimeStep, accepted));
        if (claimed == 0) return false;
        // Identity saves the whole user row later in this request; it must not write the old step back.
        user.LastAuthenticatorTimeStep = accepted;
        return true;
    }

    /// <summary>Codes come from the person's app, never from the site.</summary>
    public Task<string> GenerateAsync(string purpose, UserManager<SiteUser> manager, SiteUser user) => Task.FromResult(string.Empty);

    public async Task<bool> CanGenerateTwoFactorTokenAsync(UserManager<SiteUser> manager, SiteUser user) =>
        !string.IsNullOrEmpty(await manager.GetAuthenticatorKeyAsync(user));

    public static long TimeStepAt(DateTimeOffset moment) => moment.ToUnixTimeSeconds() / (long)Step.TotalSeconds;
}

/// <summary>RFC 4226/6238 arithmetic: the 6-digit code of a key at a time step.</summary>
public static class AuthenticatorCode
{
    public const int Digits = 6;

    public static string At(byte[] secret, long timeStep)
    {
        Span<byte> counter = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(counter, timeStep);
        Span<byte> hash = stackalloc byte[HMACSHA1.HashSizeInBytes];
        // RFC 6238 as every authenticator app implements it is HMAC-SHA1; HMAC does not rest on SHA-1's collision resistance.
#pragma warning disable CA5350
        HMACSHA1.HashData(secret, counter, hash);
#pragma warning restore CA5350
        var offset = hash[^1] & 0x0F;
        var binary = (BinaryPrimitives.ReadInt32BigEndian(hash.Slice(offset, 4)) & 0x7FFFFFFF) % 1_000_000;
        return binary.ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The six digits of what was typed (spaces and dashes allowed, as apps show "123 456"), or null.</summary>
    public static string? Normalize(string? typed)
    {
        if (typed is null) return null;
        var digits = new string(typed.Where(c => c is not (' ' or '-' or '\u00A0' or '\u3000')).ToArray());
        return digits.Length == Digits && digits.All(char.IsAsciiDigit) ? digits : null;
    }
}

/// <summary>RFC 4648 base32, as Identity writes authenticator keys (upper case, no padding).</summary>
public static class Base32
{
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    /// <summary>The bytes of a key, or null when it holds a character outside the alphabet.</summary>
    public static byte[]? Decode(string text)
    {
        var clean = text.Trim().TrimEnd('=').Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        var bytes = new byte[clean.Length * 5 / 8];
        int buffer = 0, bits = 0, index = 0;
        foreach (var c in clean)
        {
            var value = Alphabet.IndexOf(c, StringComparison.Ordinal);
            if (value < 0) return null;
            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8)
            {
                bytes[index++] = (byte)(buffer >> (bits - 8));
                bits -= 8;
            }
        }
        return bytes;
    }
}
