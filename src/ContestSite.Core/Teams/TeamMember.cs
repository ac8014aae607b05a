namespace ContestSite.Core.Teams;

/// <summary>
/// A person in a team, with the minimum the contest needs to know: real name, mobile phone and organization.
/// No ID-card number, photo or biometric data is ever asked for.
/// </summary>
public class TeamMember
{
    public int Id { get; set; }
    public int TeamId { get; set; }
    /// <summary>Repeats the team's contest so that a unique index keeps a person in one team per contest.</summary>
    public int ContestId { get; set; }
    public required string UserId { get; set; }
    public required string RealName { get; set; }
    public required string Phone { get; set; }
    public required string Organization { get; set; }
    public TeamRole Role { get; set; } = TeamRole.Member;
    public DateTimeOffset JoinedAt { get; set; }
}
