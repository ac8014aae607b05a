using Microsoft.Extensions.Options;

namespace ContestSite.Web.Accounts;

/// <summary>
/// Account lockout (section <c>ContestSite:Accounts:Lockout</c>): <c>MaxFailedAttempts</c> wrong passwords in a row lock
/// the account for <c>Duration</c>; wrong passwords during the lock neither count nor extend it, and a password reset
/// ends it. So that one client cannot keep somebody else's account locked, a client address may spend at most
/// <c>MaxFailedAttempts - 1</c> wrong passwords on one account per <c>ClientFailureWindow</c>; beyond that it is
/// answered 429 without its password being checked. One client can thus lock an account for at most one
/// <c>Duration</c> per <c>ClientFailureWindow</c>.
/// </summary>
public sealed class LockoutOptions
{
    public const string Section = "ContestSite:Accounts:Lockout";

    public int MaxFailedAttempts { get; set; } = 5;
    public TimeSpan Duration { get; set; } = TimeSpan.FromMinutes(15);
    public TimeSpan ClientFailureWindow { get; set; } = TimeSpan.FromHours(1);
}

public sealed class LockoutOptionsValidator : IValidateOptions<LockoutOptions>
{
    public ValidateOptionsResult Validate(string? name, LockoutOptions options)
    {
        var failures = new List<string>();
        if (options.MaxFailedAttempts is < 2 or > 100)
            failures.Add($"ContestSite__Accounts__Lockout__MaxFailedAttempts must be between 2 and 100 (was {options.MaxFailedAttempts}).");
        if (options.Duration < TimeSpan.FromMinutes(1) || options.Duration > TimeSpan.FromDays(1))
            failures.Add($"ContestSite__Accounts__Lockout__Duration must be between 00:01:00 and 1.00:00:00 (was {options.Duration}).");
        if (options.ClientFailureWindow < options.Duration || options.ClientFailureWindow > TimeSpan.FromDays(7))
            failures.Add($"ContestSite__Accounts__Lockout__ClientFailureWindow must be at least the lockout Duration and at most 7.00:00:00 (was {options.ClientFailureWindow}).");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
