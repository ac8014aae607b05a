using System.Security.Cryptography;

namespace ContestSite.Web.Certificates;

/// <summary>
/// Verification codes: 16 characters of Crockford's base32 (80 random bits), so a code cannot be guessed, read
/// aloud or typed wrongly for long: no I, L, O or U, and what a person may type for them is read as meant.
/// </summary>
public static class CertificateCodes
{
    public const int Length = 16;
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    public static string New()
    {
        Span<char> code = stackalloc char[Length];
        for (var i = 0; i < Length; i++) code[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        return new string(code);
    }

    /// <summary>
    /// A typed or linked code as stored: trimmed, upper case, hyphens and spaces dropped, O read as 0 and I or L as 1.
    /// False for anything that cannot be a code (too long, other characters), which then matches nothing.
    /// </summary>
    public static bool TryNormalise(string? typed, out string code)
    {
        code = "";
        if (typed is null || typed.Length > 64) return false;
        Span<char> clean = stackalloc char[Length];
        var n = 0;
        foreach (var c in typed.Trim())
        {
            if (c is '-' or ' ') continue;
            var upper = char.ToUpperInvariant(c) switch { 'O' => '0', 'I' or 'L' => '1', var other => other };
            if (!Alphabet.Contains(upper) || n == Length) return false;
            clean[n++] = upper;
        }
        if (n != Length) return false;
        code = new string(clean);
        return true;
    }

    /// <summary>"ABCD-EFGH-JKMN-PQRS": easier to read and compare by eye.</summary>
    public static string Grouped(string code) => string.Join('-', code.Chunk(4).Select(part => new string(part)));
}
