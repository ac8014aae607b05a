using ContestSite.Core.Rules;
using ContestSite.Core.Submissions;

namespace ContestSite.Web.Submissions.Uploads;

/// <summary>
/// What an upload request came to, in the protocol's own terms: the bytes the site holds afterwards
/// (<see cref="Offset"/>), and for a refusal its reason in the member's words. The use cases know nothing of
/// HTTP; <see cref="UploadEndpoints"/> turns each outcome into a status and headers, in one place.
/// </summary>
public abstract record UploadOutcome(long Offset)
{
    /// <summary>The reason to show when the request was refused (nothing of it is kept); null when it was taken.</summary>
    public virtual RuleResult? Refusal => null;

    /// <summary>The upload is announced and takes its first chunk at offset 0.</summary>
    public sealed record Started(SubmissionUpload Upload) : UploadOutcome(0);

    /// <summary>The chunk is in; the upload lacks bytes still.</summary>
    public sealed record Accepted(long Offset) : UploadOutcome(Offset);

    /// <summary>The last byte is in, and the file passed its checks and is stored.</summary>
    public sealed record Ready(SubmissionUpload Upload) : UploadOutcome(Upload.Length);

    public abstract record Refused(long Offset, RuleResult Reason) : UploadOutcome(Offset)
    {
        public override RuleResult? Refusal => Reason;
    }

    /// <summary>No such round or upload for this member (or the upload has ended).</summary>
    public sealed record NotFound(RuleResult Reason) : Refused(0, Reason);

    /// <summary>A rule of the contest says no: outside the window, not an approved team's member, finalised.</summary>
    public sealed record NotAllowed(RuleResult Reason) : Refused(0, Reason);

    public sealed record EmptyFile(RuleResult Reason) : Refused(0, Reason);

    /// <summary>The file is over its kind's or the team's limit, or the chunk goes past the declared length.</summary>
    public sealed record TooLarge(long Offset, RuleResult Reason) : Refused(Offset, Reason);

    /// <summary>Another request writes this upload now; try again after <paramref name="RetryAfter"/>.</summary>
    public sealed record Locked(long Offset, TimeSpan RetryAfter, RuleResult Reason) : Refused(Offset, Reason);

    /// <summary>The upload is complete, cancelled or being checked: it takes no more bytes.</summary>
    public sealed record NotReceiving(long Offset, RuleResult Reason) : Refused(Offset, Reason);

    /// <summary>The chunk starts elsewhere than where the site's bytes end (<paramref name="Offset"/>).</summary>
    public sealed record OffsetMismatch(long Offset, RuleResult Reason) : Refused(Offset, Reason);

    /// <summary>The chunk does not say how long it is.</summary>
    public sealed record LengthMissing(long Offset, RuleResult Reason) : Refused(Offset, Reason);

    public sealed record ChecksumMismatch(long Offset, RuleResult Reason) : Refused(Offset, Reason);

    /// <summary>The chunk stopped, came too slowly or took too long; what arrived is kept, the client resumes from <paramref name="Offset"/>.</summary>
    public sealed record BrokeOff(long Offset, RuleResult Reason) : Refused(Offset, Reason);

    /// <summary>The complete file failed its content checks; it is deleted with its upload.</summary>
    public sealed record Rejected(RuleResult Reason) : Refused(0, Reason);
}
