using System.Globalization;
using ContestSite.Core.Rules;

namespace ContestSite.Web.Files;

/// <summary>Sizes as people read them in messages ("50 MB", "1.5 GB").</summary>
public static class ByteSizeText
{
    public const long Megabyte = 1024 * 1024;

    public static string Format(long bytes) => Words(bytes).ToString();

    /// <summary>The size as a message argument: "{0} 字节" is words and gets translated, "50 MB" reads the same everywhere.</summary>
    public static LocalText Words(long bytes) => ByteSizes.Words(bytes);
}
