using Microsoft.Extensions.Options;

namespace ContestSite.Web.Judging.Mail;

/// <summary>Settings of the mail that keeps judges moving, bound from <c>ContestSite:Judging:Mail</c>.</summary>
public sealed class JudgeMailOptions
{
    public const string Section = "ContestSite:Judging:Mail";
    public static readonly TimeSpan MaxReminderBefore = TimeSpan.FromDays(30);

    /// <summary>How long before review closes judges with unfinished reviews are reminded; zero sends no reminders.</summary>
    public TimeSpan ReminderBefore { get; set; } = TimeSpan.FromHours(48);

    /// <summary>How often each node looks for reminders and review-closed notes that are due.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMinutes(5);
}

/// <summary>Stops the site at start with a message naming the setting that is wrong.</summary>
public sealed class JudgeMailOptionsValidator : IValidateOptions<JudgeMailOptions>
{
    public ValidateOptionsResult Validate(string? name, JudgeMailOptions options)
    {
        var failures = new List<string>();
        if (options.ReminderBefore < TimeSpan.Zero || options.ReminderBefore > JudgeMailOptions.MaxReminderBefore)
            failures.Add($"ContestSite__Judging__Mail__ReminderBefore must be from 00:00:00 (no reminders) to 30.00:00:00 (was {options.ReminderBefore}).");
        if (options.PollInterval < TimeSpan.FromSeconds(1) || options.PollInterval > TimeSpan.FromHours(1))
            failures.Add($"ContestSite__Judging__Mail__PollInterval must be from 00:00:01 to 01:00:00 (was {options.PollInterval}).");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
