namespace ContestSite.Data.Accounts;

/// <summary>What became of an invitation. A pending one past its expiry counts as expired (<see cref="Invitation.StatusAt"/>).</summary>
public enum InvitationStatus { Pending, Accepted, Revoked, Expired }

/// <summary>
/// An organizer's invitation of a person (by address) to a role of the site, mailed as a single-use link. Only the
/// SHA-256 of the link's token is kept, so the table does not hold working links. Name, organization and expertise
/// prefill a judge's profile when the invitation is accepted.
/// </summary>
public class Invitation
{
    public const int EmailLength = 254;
    public const int NameLength = 32;
    public const int OrganizationLength = 200;
    public const int ExpertiseLength = 500;

    public int Id { get; set; }
    public required string Email { get; set; }
    /// <summary>Upper case, as Identity normalizes addresses: for finding the account and the pending invitations of an address.</summary>
    public required string NormalizedEmail { get; set; }
    public required string Role { get; set; }
    public string? Name { get; set; }
    public string? Organization { get; set; }
    public string? Expertise { get; set; }
    public required string InvitedByUserId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    /// <summary>Hex SHA-256 of the token in the mailed link; a resend replaces it, so the old link stops working.</summary>
    public required string TokenHash { get; set; }
    public InvitationStatus Status { get; set; }
    public string? AcceptedUserId { get; set; }
    public DateTimeOffset? AcceptedAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
    /// <summary>How many times the invitation was sent again after the first mail.</summary>
    public int ResentCount { get; set; }
    public DateTimeOffset LastSentAt { get; set; }

    public InvitationStatus StatusAt(DateTimeOffset now) =>
        Status == InvitationStatus.Pending && ExpiresAt <= now ? InvitationStatus.Expired : Status;
}
