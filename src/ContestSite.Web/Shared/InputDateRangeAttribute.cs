using System.ComponentModel.DataAnnotations;

namespace ContestSite.Web;

/// <summary>A date field of a form that must lie in the site's input range (<see cref="ContestTime.EarliestInput"/>–<see cref="ContestTime.LatestInput"/>).</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class InputDateRangeAttribute : ValidationAttribute
{
    public InputDateRangeAttribute() => ErrorMessage = ContestTime.OutOfRangeMessage;

    public override bool IsValid(object? value) => value switch
    {
        null => true,
        DateOnly date => ContestTime.IsInInputRange(date),
        DateTime time => ContestTime.IsInInputRange(DateOnly.FromDateTime(time)),
        _ => false,
    };
}
