using Microsoft.Extensions.Options;

namespace ContestSite.Web.Throttling;

/// <summary>
/// Limits on the forms attackers script (section <c>ContestSite:Throttling</c>). Each rule allows <c>PerAddress</c>
/// requests per <c>Window</c> from one client address and <c>PerAccount</c> against one account, whichever is reached
/// first. Counters live in each node's memory: with N nodes a client can get up to N times the limit.
/// </summary>
public sealed class ThrottlingOptions
{
    public const string Section = "ContestSite:Throttling";

    /// <summary>Per account above the lockout threshold (5), so the lockout, not the throttle, answers a sixth wrong password.</summary>
    public ThrottleRule SignIn { get; set; } = new() { PerAddress = 10, PerAccount = 10, Window = TimeSpan.FromMinutes(1) };
    public ThrottleRule Registration { get; set; } = new() { PerAddress = 5, PerAccount = 3, Window = TimeSpan.FromMinutes(10) };
    public ThrottleRule Mail { get; set; } = new() { PerAddress = 5, PerAccount = 3, Window = TimeSpan.FromMinutes(10) };
    public ThrottleRule InviteCode { get; set; } = new() { PerAddress = 10, PerAccount = 10, Window = TimeSpan.FromMinutes(1) };
    /// <summary>A hiring manager may check a pile of certificates; a script trying codes is slowed to a crawl (80-bit codes).</summary>
    public ThrottleRule CertificateCode { get; set; } = new() { PerAddress = 30, PerAccount = 30, Window = TimeSpan.FromMinutes(1) };
    /// <summary>A person asks for a few datasets at a sitting; a script filling the public list is stopped early.</summary>
    public ThrottleRule PublicPost { get; set; } = new() { PerAddress = 10, PerAccount = 5, Window = TimeSpan.FromMinutes(10) };

    public ThrottleRule For(string rule) => rule switch
    {
        ThrottleRules.SignIn => SignIn,
        ThrottleRules.Registration => Registration,
        ThrottleRules.Mail => Mail,
        ThrottleRules.InviteCode => InviteCode,
        ThrottleRules.CertificateCode => CertificateCode,
        ThrottleRules.PublicPost => PublicPost,
        _ => throw new ArgumentOutOfRangeException(nameof(rule), rule, "No such throttle rule."),
    };

    internal IEnumerable<(string Name, ThrottleRule Rule)> All => [(nameof(SignIn), SignIn), (nameof(Registration), Registration), (nameof(Mail), Mail), (nameof(InviteCode), InviteCode),
        (nameof(CertificateCode), CertificateCode), (nameof(PublicPost), PublicPost)];
}

public sealed class ThrottleRule
{
    public int PerAddress { get; set; }
    public int PerAccount { get; set; }
    public TimeSpan Window { get; set; }
}

/// <summary>Stops the site at start with the name of the throttle setting that is wrong.</summary>
public sealed class ThrottlingOptionsValidator : IValidateOptions<ThrottlingOptions>
{
    public ValidateOptionsResult Validate(string? name, ThrottlingOptions options)
    {
        var failures = new List<string>();
        foreach (var (rule, limits) in options.All)
        {
            var prefix = $"ContestSite__Throttling__{rule}__";
            if (limits.PerAddress < 1) failures.Add($"{prefix}PerAddress must be at least 1 (was {limits.PerAddress}).");
            if (limits.PerAccount < 1) failures.Add($"{prefix}PerAccount must be at least 1 (was {limits.PerAccount}).");
            if (limits.Window < TimeSpan.FromSeconds(1) || limits.Window > TimeSpan.FromDays(1))
                failures.Add($"{prefix}Window must be between 00:00:01 and 1.00:00:00 (was {limits.Window}).");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
