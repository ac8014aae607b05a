using System.Globalization;

namespace ContestSite.Core.Rules;

/// <summary>Sizes as people read them in messages ("50 MB", "1.5 GB"; below a kilobyte "{0} 字节", which is translated).</summary>
public static class ByteSizes
{
    public static LocalText Words(long bytes)
    {
        if (bytes < 1024) return new LocalText("{0} 字节", bytes);
        string[] units = ["KB", "MB", "GB", "TB"];
        double value = bytes;
        var unit = -1;
        while (value >= 1024 && unit < units.Length - 1)
        {
            value /= 1024;
            unit++;
        }
        return new LocalText("{0} " + units[unit], value.ToString(value % 1 == 0 ? "0" : "0.#", CultureInfo.InvariantCulture));
    }
}
