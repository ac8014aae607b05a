using System.ComponentModel.DataAnnotations;

namespace ContestSite.Web.Submissions;

/// <summary>Deadline grace and upload transport limits, bound from "ContestSite:Submissions:Uploads".</summary>
public sealed class SubmissionUploadOptions
{
    public const string Section = "ContestSite:Submissions:Uploads";

    /// <summary>An upload begun before the deadline may finish, and be saved, this long after it.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")] public TimeSpan GracePeriod { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>A chunk whose body arrives slower than this (after <see cref="MinDataRateGrace"/>) is cut off.</summary>
    [Range(1, 1_000_000_000)] public double MinBytesPerSecond { get; set; } = 1024;
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")] public TimeSpan MinDataRateGrace { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The longest one chunk request may take, whatever its rate.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")] public TimeSpan ChunkTimeout { get; set; } = TimeSpan.FromHours(2);

    /// <summary>Unfinished or unsaved uploads older than this are removed with their staged bytes.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "30.00:00:00")] public TimeSpan StaleAfter { get; set; } = TimeSpan.FromDays(2);
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")] public TimeSpan CleanupInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// How long one request's claim to write an upload lasts unless renewed (it is renewed while a chunk streams):
    /// also how long an upload whose writer crashed waits before another request may resume it.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:05", "00:10:00")] public TimeSpan WriterLease { get; set; } = TimeSpan.FromSeconds(15);
}
