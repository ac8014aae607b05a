using System.Globalization;
using System.Text;

namespace ContestSite.Core.Teams;

/// <summary>How team names are compared: the same name typed in full-width characters or another case is the same name.</summary>
public static class TeamNames
{
    public const int MaxLength = 40;

    /// <summary>NFKC folds full-width and compatibility forms; lower-casing folds case; runs of spaces count as one.</summary>
    public static string Normalize(string name)
    {
        var folded = name.Normalize(NormalizationForm.FormKC).ToLower(CultureInfo.InvariantCulture);
        return string.Join(' ', folded.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
    }
}
