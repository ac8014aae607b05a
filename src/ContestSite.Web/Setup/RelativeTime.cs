using System.Globalization;
using System.Text.RegularExpressions;

namespace ContestSite.Web.Setup;

/// <summary>
/// <c>now</c> followed by signed amounts of days, hours and minutes (<c>now+14d</c>, <c>now-1d12h</c>, <c>now+30m</c>):
/// the dates of a demo season, counted from the moment the recipe runs.
/// </summary>
public static partial class RelativeTime
{
    [GeneratedRegex(@"\G([+-]?)(\d{1,5})([dhm])", RegexOptions.CultureInvariant)]
    private static partial Regex Part();

    /// <summary>False when the text does not start with <c>now</c> (then it is an absolute time); otherwise <paramref name="problem"/> says what is wrong, if anything.</summary>
    public static bool TryParse(string text, DateTimeOffset now, out DateTimeOffset time, out string? problem)
    {
        time = default;
        problem = null;
        var trimmed = text.Trim();
        if (!trimmed.StartsWith("now", StringComparison.OrdinalIgnoreCase)) return false;
        var rest = trimmed[3..].Replace(" ", "", StringComparison.Ordinal);
        var offset = TimeSpan.Zero;
        var position = 0;
        var negative = false;
        while (position < rest.Length)
        {
            var match = Part().Match(rest, position);
            // The first amount carries its sign; the ones after it without a sign share it (now-1d12h is a day and a half ago).
            if (!match.Success || (position == 0 && match.Groups[1].Length == 0))
            {
                problem = $"“{rest[position..]}”看不懂：相对时间写作 now、now+14d、now-30d、now+2h 或 now-1d12h（单位 d、h、m）";
                return true;
            }
            if (match.Groups[1].Length > 0) negative = match.Groups[1].Value == "-";
            var amount = int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture) * (negative ? -1 : 1);
            offset += match.Groups[3].Value switch
            {
                "d" => TimeSpan.FromDays(amount),
                "h" => TimeSpan.FromHours(amount),
                _ => TimeSpan.FromMinutes(amount),
            };
            position += match.Length;
        }
        time = (now + offset).ToUniversalTime();
        return true;
    }
}
