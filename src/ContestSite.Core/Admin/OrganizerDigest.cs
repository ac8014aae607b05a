namespace ContestSite.Core.Admin;

/// <summary>
/// One digest of the organizers' to-do list. The period is unique, so when several nodes reach the same period
/// only the one whose row is stored sends it; the counts are what the next digest compares with to tell what is new.
/// </summary>
public class OrganizerDigest
{
    public int Id { get; set; }
    /// <summary>The digest interval's number since the Unix epoch (whole intervals), unique.</summary>
    public long Period { get; set; }
    public DateTimeOffset At { get; set; }
    /// <summary>The count of every task at that moment, as JSON (task key → count).</summary>
    public required string CountsJson { get; set; }
    /// <summary>How many people were mailed (0 when nothing was new).</summary>
    public int Mailed { get; set; }
}
