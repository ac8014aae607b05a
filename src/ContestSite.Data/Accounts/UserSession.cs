namespace ContestSite.Data.Accounts;

/// <summary>
/// One signed-in browser. Its random id travels in the (encrypted) sign-in cookie and the row is read on every
/// authenticated request, so revoking it here ends that cookie on every node at once.
/// </summary>
public class UserSession
{
    public const int IdLength = 43;
    public const int DeviceLength = 200;

    /// <summary>32 random bytes, base64url.</summary>
    public required string Id { get; set; }
    public required string UserId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    /// <summary>Coarse: written at most every few minutes, for the list on the account page.</summary>
    public DateTimeOffset LastSeenAt { get; set; }
    /// <summary>A short description of the browser (from its user-agent), for the list on the account page.</summary>
    public string Device { get; set; } = "";
    public DateTimeOffset? RevokedAt { get; set; }
}
