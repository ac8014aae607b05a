namespace ContestSite.Core.Teams;

/// <summary>A team of one contest: who is in it, which track it enters and where it stands with the organizers.</summary>
public class Team
{
    public int Id { get; set; }
    public int ContestId { get; set; }
    public int TrackId { get; set; }
    public required string Name { get; set; }
    /// <summary>The name after <see cref="TeamNames.Normalize"/>: unique within the contest, so "ＡＢＣ队" and "abc队" collide.</summary>
    public required string NameKey { get; set; }
    public string? Description { get; set; }
    public OrganizationType OrganizationType { get; set; }
    public required string OrganizationName { get; set; }
    public TeamStatus Status { get; set; } = TeamStatus.Draft;
    /// <summary>Where a disqualified team returns to when an organizer restores it.</summary>
    public TeamStatus? StatusBeforeDisqualification { get; set; }
    public string? DecisionReason { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? SubmittedAt { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }
    public string? InviteCode { get; set; }
    public DateTimeOffset? InviteCodeExpiresAt { get; set; }
    public DateTimeOffset? InviteCodeRevokedAt { get; set; }
    /// <summary>Raised by every change; two changes made from the same reading cannot both be saved.</summary>
    public int Version { get; set; }
    public List<TeamMember> Members { get; set; } = [];
    public List<JoinRequest> JoinRequests { get; set; } = [];

    public TeamMember? Captain => Members.FirstOrDefault(m => m.Role == TeamRole.Captain);
    public TeamMember? MemberFor(string userId) => Members.FirstOrDefault(m => m.UserId == userId);
    public bool IsCaptain(string userId) => Captain?.UserId == userId;
    /// <summary>Withdrawn and disqualified teams take no new members and make no changes of their own.</summary>
    public bool IsActive => Status is not (TeamStatus.Withdrawn or TeamStatus.Disqualified);
}

public enum TeamStatus { Draft, Submitted, Approved, Rejected, Disqualified, Withdrawn }

/// <summary>学校 / 企业 / 科研院所 / 个人: what kind of body the team comes from.</summary>
public enum OrganizationType { School, Company, Institute, Individual }

public enum TeamRole { Captain, Member }
