using System.Globalization;

namespace ContestSite.Web.Submissions.Files;

/// <summary>Sizes as people read them in messages ("50 MB", "1.5 GB").</summary>
public static class ByteSizeText
{
    public const long Megabyte = 1024 * 1024;

    public static string Format(long bytes)
    {
        if (bytes < 1024) return $"{bytes} 字节";
        string[] units = ["KB", "MB", "GB", "TB"];
        double value = bytes;
        var unit = -1;
        while (value >= 1024 && unit < units.Length - 1)
        {
            value /= 1024;
            unit++;
        }
        return value.ToString(value % 1 == 0 ? "0" : "0.#", CultureInfo.InvariantCulture) + " " + units[unit];
    }
}
