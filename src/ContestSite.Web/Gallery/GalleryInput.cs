using ContestSite.Core.Gallery;

namespace ContestSite.Web.Gallery;

/// <summary>The organizer's publish form: which submission, the team's consent, and the showcase text.</summary>
public sealed class GalleryPublishInput
{
    public int SubmissionId { get; set; }
    public string? ConsentGivenBy { get; set; }
    public string? ConsentText { get; set; }
    /// <summary>China time as the datetime-local input sends it.</summary>
    public string? ConsentGivenAt { get; set; }
    public bool ConsentConfirmed { get; set; }
    public string? Title { get; set; }
    public string? Text { get; set; }
    public string? TeamDisplayName { get; set; }
    public string? MemberDisplayNames { get; set; }
    /// <summary>False records the consent only; the entry is published later (e.g. with its award).</summary>
    public bool PublishNow { get; set; } = true;

    public GalleryConsent Consent => new(ConsentGivenBy?.Trim(), ConsentText?.Trim(),
        ContestTime.TryParseInput(ConsentGivenAt, out var at) ? at : null, ConsentConfirmed);
}

/// <summary>The organizer's edit of the showcase text of an entry already in the gallery.</summary>
public sealed class GalleryShowcaseInput
{
    public string? Title { get; set; }
    public string? Text { get; set; }
    public string? TeamDisplayName { get; set; }
    public string? MemberDisplayNames { get; set; }
    public int Version { get; set; }
}

/// <summary>What publishing a round's awarded entries did: the entries shown and the awarded teams skipped for lack of consent.</summary>
public sealed record AwardedPublication(int Published, IReadOnlyList<string> SkippedTeams);
