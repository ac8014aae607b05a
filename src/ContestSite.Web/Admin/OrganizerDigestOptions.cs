using Microsoft.Extensions.Options;

namespace ContestSite.Web.Admin;

/// <summary>Settings of the organizers' digest mail, bound from <c>ContestSite:Admin</c>.</summary>
public sealed class OrganizerDigestOptions
{
    public const string Section = "ContestSite:Admin";
    public static readonly TimeSpan Shortest = TimeSpan.FromMinutes(5);
    public static readonly TimeSpan Longest = TimeSpan.FromDays(7);

    /// <summary>How often the to-do list is mailed to organizers when something new waits; zero turns the digest off.</summary>
    public TimeSpan DigestInterval { get; set; } = TimeSpan.FromHours(1);
}

/// <summary>Stops the start with a message naming the setting when the interval is out of range.</summary>
public sealed class OrganizerDigestOptionsValidator : IValidateOptions<OrganizerDigestOptions>
{
    public ValidateOptionsResult Validate(string? name, OrganizerDigestOptions options)
    {
        var interval = options.DigestInterval;
        if (interval == TimeSpan.Zero || (interval >= OrganizerDigestOptions.Shortest && interval <= OrganizerDigestOptions.Longest))
            return ValidateOptionsResult.Success;
        return ValidateOptionsResult.Fail($"ContestSite__Admin__DigestInterval must be 00:00:00 (off) or between 00:05:00 and 7.00:00:00 (was {interval}).");
    }
}
