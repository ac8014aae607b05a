using System.Security.Cryptography;

namespace ContestSite.Core.Teams;

/// <summary>Invite codes: random, short enough to read aloud, without look-alike characters (0/O, 1/I/L).</summary>
public static class InviteCodes
{
    public const int Length = 10;
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(7);
    private const string Alphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

    public static string Generate() => RandomNumberGenerator.GetString(Alphabet, Length);

    /// <summary>People type codes in lower case or with spaces; the stored code is upper case.</summary>
    public static string Clean(string? typed) =>
        new((typed ?? "").Where(c => !char.IsWhiteSpace(c) && c != '-').Select(char.ToUpperInvariant).ToArray());

    /// <summary>Gives the team a fresh code, which also ends the old one.</summary>
    public static void Renew(Team team, DateTimeOffset now)
    {
        team.InviteCode = Generate();
        team.InviteCodeExpiresAt = now + Lifetime;
        team.InviteCodeRevokedAt = null;
    }
}
