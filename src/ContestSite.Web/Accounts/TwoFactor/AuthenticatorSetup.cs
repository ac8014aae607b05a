namespace ContestSite.Web.Accounts.TwoFactor;

/// <summary>What the enrolment page shows of a key: grouped text to type, and the otpauth URI as a QR code to scan.</summary>
public static class AuthenticatorSetup
{
    /// <summary>"ABCD EFGH …": groups of four are easier to type and check.</summary>
    public static string Grouped(string key) =>
        string.Join(' ', Enumerable.Range(0, (key.Length + 3) / 4).Select(i => key.Substring(i * 4, Math.Min(4, key.Length - i * 4))));

    /// <summary>The Key Uri Format the apps read: label "issuer:account", the key, the issuer again, 6 digits every 30 s.</summary>
    public static string Uri(string issuer, string account, string key)
    {
        var escapedIssuer = System.Uri.EscapeDataString(issuer);
        return $"otpauth://totp/{escapedIssuer}:{System.Uri.EscapeDataString(account)}?secret={key}&issuer={escapedIssuer}&digits={AuthenticatorCode.Digits}&period={(int)AuthenticatorCodeProvider.Step.TotalSeconds}";
    }

    /// <summary>
    /// The QR code as a PNG data URI: drawn on the server, shown by an img element, so it needs no script, and the
    /// site's content policy (no inline styles) allows it.
    /// </summary>
    public static string QrCodePng(string uri) => QrCodes.PngDataUri(uri);
}
