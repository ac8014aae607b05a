namespace ContestSite.Core.Contests;

/// <summary>One year's contest: its calendar and the limits every team and round obey.</summary>
public class Contest
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public int Year { get; set; }
    public string? Description { get; set; }
    public DateTimeOffset RegistrationOpensAt { get; set; }
    public DateTimeOffset RegistrationClosesAt { get; set; }
    public int MinTeamSize { get; set; } = 1;
    public int MaxTeamSize { get; set; } = 5;
    /// <summary>After this moment nobody joins or leaves a team without an organizer.</summary>
    public DateTimeOffset RosterLocksAt { get; set; }
    public bool IsCurrent { get; set; }
    /// <summary>Whether organizations and teams may contribute datasets of their own to the catalogue while this contest is current.</summary>
    public bool AcceptsContributions { get; set; } = true;
    public List<Track> Tracks { get; set; } = [];
    public List<Round> Rounds { get; set; } = [];

    public bool IsRegistrationOpen(DateTimeOffset now) => now >= RegistrationOpensAt && now < RegistrationClosesAt;
    public bool IsRosterLocked(DateTimeOffset now) => now >= RosterLocksAt;
}
