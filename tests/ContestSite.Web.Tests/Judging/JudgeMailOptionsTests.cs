using ContestSite.Web.Judging.Mail;

namespace ContestSite.Web.Tests.Judging;

/// <summary>The judge-mail settings are checked at start, with a message that names the setting.</summary>
public sealed class JudgeMailOptionsTests
{
    [Fact]
    public void The_defaults_are_valid_and_remind_two_days_before_the_deadline()
    {
        var defaults = new JudgeMailOptions();
        Assert.True(new JudgeMailOptionsValidator().Validate(null, defaults).Succeeded);
        Assert.Equal(TimeSpan.FromHours(48), defaults.ReminderBefore);
        Assert.True(new JudgeMailOptionsValidator().Validate(null, new JudgeMailOptions { ReminderBefore = TimeSpan.Zero }).Succeeded, "zero turns reminders off");
    }

    [Theory]
    [InlineData("-00:00:01", "00:05:00", "ContestSite__Judging__Mail__ReminderBefore")]
    [InlineData("31.00:00:00", "00:05:00", "ContestSite__Judging__Mail__ReminderBefore")]
    [InlineData("2.00:00:00", "00:00:00", "ContestSite__Judging__Mail__PollInterval")]
    [InlineData("2.00:00:00", "02:00:00", "ContestSite__Judging__Mail__PollInterval")]
    public void A_wrong_setting_fails_with_its_name(string reminderBefore, string pollInterval, string named)
    {
        var options = new JudgeMailOptions
        {
            ReminderBefore = TimeSpan.Parse(reminderBefore, System.Globalization.CultureInfo.InvariantCulture),
            PollInterval = TimeSpan.Parse(pollInterval, System.Globalization.CultureInfo.InvariantCulture),
        };

        var result = new JudgeMailOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains(named, result.FailureMessage, StringComparison.Ordinal);
    }
}
