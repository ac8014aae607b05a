using ContestSite.Core.Rules;
using ContestSite.Core.Submissions;

namespace ContestSite.Web.Submissions.Uploads;

/// <summary>The answer to an upload request: an HTTP status, the upload when there is one, a refusal to show, and when to try again.</summary>
public sealed record UploadOutcome(int Status, SubmissionUpload? Upload, long Offset, RuleResult? Refusal = null)
{
    /// <summary>Sent as Retry-After when another request holds the upload.</summary>
    public TimeSpan? RetryAfter { get; init; }

    public static UploadOutcome Refused(int status, string message, params object[] arguments) =>
        new(status, null, 0, RuleResult.Refuse(message, arguments));

    public static UploadOutcome Refused(int status, RuleResult refusal, long offset = 0) => new(status, null, offset, refusal);
}
