namespace ContestSite.Web.Throttling;

/// <summary>The rules of <see cref="ThrottlingOptions"/>: each is a pair of limits, per client address and per account.</summary>
public static class ThrottleRules
{
    public const string SignIn = "sign-in";
    public const string Registration = "registration";
    /// <summary>Forms that send mail to an address someone typed: forgot password, resend confirmation, change email, team invitation.</summary>
    public const string Mail = "mail";
    /// <summary>Forms where a code can be guessed: joining a team by its invite code, a staff invitation link.</summary>
    public const string InviteCode = "invite-code";
    /// <summary>The public verification page of award certificates (<c>/certificates/CODE</c>), open to anyone.</summary>
    public const string CertificateCode = "certificate-code";
    /// <summary>Forms that publish what a signed-in person wrote for everyone to read: data demand requests.</summary>
    public const string PublicPost = "public-post";
}

/// <summary>
/// Puts a page or endpoint under a throttle rule. Only POSTs are counted (reading a form costs nothing), unless
/// <see cref="GuessedRouteValue"/> names a route value whose GET is itself a guess. The account a request is
/// counted against is the address typed in <see cref="AccountField"/>, the account waiting for its code
/// (<see cref="AccountIsPendingSignIn"/>), or else the signed-in user.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
public sealed class ThrottleAttribute(string rule) : Attribute
{
    public string Rule { get; } = rule;
    /// <summary>The form field holding the email address the request acts on (sign-in, registration, reset).</summary>
    public string? AccountField { get; init; }
    /// <summary>The account is the one that typed its password and now owes the second step (the code pages).</summary>
    public bool AccountIsPendingSignIn { get; init; }
    /// <summary>Only this page handler's POSTs are counted (<c>?handler=Invite</c>); empty: every POST of the page.</summary>
    public string? Handler { get; init; }
    /// <summary>A GET carrying this route value is counted too (<c>/teams/join/CODE</c> tells whether the code is valid).</summary>
    public string? GuessedRouteValue { get; init; }
}
