namespace ContestSite.Core.Teams;

/// <summary>A person asks to join a team; the captain accepts or declines.</summary>
public class JoinRequest
{
    public int Id { get; set; }
    public int TeamId { get; set; }
    public required string UserId { get; set; }
    public required string RealName { get; set; }
    public required string Phone { get; set; }
    public required string Organization { get; set; }
    public string? Message { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public JoinRequestStatus Status { get; set; } = JoinRequestStatus.Pending;
    public DateTimeOffset? AnsweredAt { get; set; }
}

public enum JoinRequestStatus { Pending, Accepted, Declined }
