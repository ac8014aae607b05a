using System.Text;

namespace ContestSite.Core.Judging;

/// <summary>
/// Proposes conflicts of interest the judge did not declare: a judge whose organization is the same as
/// the team's or a member's (浙江大学 and 浙江大学计算机学院 count as the same). Organizations are
/// compared after folding full-width characters, case and spaces; a containment match needs at least
/// <see cref="MinimumContainedLength"/> characters, so "大学" alone matches nothing.
/// </summary>
public static class ConflictProposals
{
    public const int MinimumContainedLength = 4;

    public static bool SameOrganization(string? judgeOrganization, string? other)
    {
        var a = Fold(judgeOrganization);
        var b = Fold(other);
        if (a.Length == 0 || b.Length == 0) return false;
        if (a == b) return true;
        var (shorter, longer) = a.Length <= b.Length ? (a, b) : (b, a);
        return shorter.Length >= MinimumContainedLength && longer.Contains(shorter, StringComparison.Ordinal);
    }

    /// <summary>The organizations of a team (its own and its members') that match the judge's, for the proposal's reason.</summary>
    public static IReadOnlyList<string> Matches(string? judgeOrganization, IEnumerable<string?> teamOrganizations) =>
        teamOrganizations.Where(o => SameOrganization(judgeOrganization, o)).Select(o => o!).Distinct().ToList();

    private static string Fold(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return "";
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormKC))
            if (!char.IsWhiteSpace(c) && !char.IsPunctuation(c)) builder.Append(char.ToLowerInvariant(c));
        return builder.ToString();
    }
}
