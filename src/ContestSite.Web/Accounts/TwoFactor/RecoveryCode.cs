namespace ContestSite.Web.Accounts.TwoFactor;

/// <summary>Identity's recovery codes read "ABCDE-FGHJK"; people type them in lower case, with spaces or without the dash.</summary>
public static class RecoveryCode
{
    public static string? Normalize(string? typed)
    {
        if (typed is null) return null;
        var clean = new string(typed.Where(c => !char.IsWhiteSpace(c)).ToArray()).ToUpperInvariant();
        if (clean.Length == 10 && !clean.Contains('-', StringComparison.Ordinal)) clean = clean[..5] + "-" + clean[5..];
        return clean.Length is > 0 and <= 32 ? clean : null;
    }
}
