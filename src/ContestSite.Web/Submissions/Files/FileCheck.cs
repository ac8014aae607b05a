namespace ContestSite.Web.Submissions.Files;

/// <summary>The verdict on one uploaded file: what it is, and either accepted or a message the user can act on.</summary>
public sealed record FileCheck(DetectedFileType Detected, string? Refusal)
{
    public bool IsAccepted => Refusal is null;

    /// <summary>The type to store and serve the file with (null when refused).</summary>
    public string? ContentType => IsAccepted ? Detected.ContentType() : null;

    public static FileCheck Accept(DetectedFileType detected) => new(detected, null);

    public static FileCheck Refuse(DetectedFileType detected, string refusal) => new(detected, refusal);
}
