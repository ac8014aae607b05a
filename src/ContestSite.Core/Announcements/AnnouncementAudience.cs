namespace ContestSite.Core.Announcements;

/// <summary>Who receives an announcement by email when it is published.</summary>
public enum AnnouncementAudience
{
    None,
    /// <summary>Every member of every active team of the contest.</summary>
    AllContestants,
    /// <summary>Members of the active teams of one track.</summary>
    Track,
    /// <summary>The expert committee (专家委员会).</summary>
    Judges,
}
