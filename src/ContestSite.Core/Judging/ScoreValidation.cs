using System.Globalization;
using ContestSite.Core.Contests;

namespace ContestSite.Core.Judging;

/// <summary>One refused score: which criterion (null for the whole form) and the message, a localizer key with its arguments.</summary>
public sealed record ScoreError(int? CriterionId, string Message, params object[] Arguments);

/// <summary>The scores a judge typed, read and checked against the rubric.</summary>
public sealed record ScoreCheck(IReadOnlyDictionary<int, decimal> Values, IReadOnlyList<ScoreError> Errors)
{
    public bool IsValid => Errors.Count == 0;
}

/// <summary>
/// Reads the typed scores of a form. Only plain decimal numbers are taken (no exponent, no NaN or
/// infinity), within 0 and the criterion's maximum, whole where the rubric asks for whole numbers.
/// A draft may leave criteria empty; a submitted review must score every criterion.
/// </summary>
public static class ScoreValidation
{
    public static ScoreCheck Check(IReadOnlyList<RubricCriterion> criteria, IReadOnlyDictionary<int, string?> typed, bool submitting)
    {
        var values = new Dictionary<int, decimal>();
        var errors = new List<ScoreError>();
        foreach (var criterion in criteria)
        {
            typed.TryGetValue(criterion.Id, out var text);
            if (string.IsNullOrWhiteSpace(text))
            {
                if (submitting) errors.Add(new(criterion.Id, "请为“{0}”打分", criterion.Name));
                continue;
            }
            var error = Read(criterion, text.Trim(), out var value);
            if (error is null) values[criterion.Id] = value;
            else errors.Add(error);
        }
        var known = criteria.Select(c => c.Id).ToHashSet();
        if (typed.Keys.Any(id => !known.Contains(id))) errors.Add(new(null, "评分项与本轮评分标准不符，请刷新页面后重试"));
        return new(values, errors);
    }

    private static ScoreError? Read(RubricCriterion criterion, string text, out decimal value)
    {
        // NumberStyles.Number refuses exponents, so "1e309", "NaN" and "Infinity" are not numbers here.
        if (!decimal.TryParse(text, NumberStyles.Number & ~NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out value))
            return new(criterion.Id, "“{0}”的分数须是数字", criterion.Name);
        if (value < 0) return new(criterion.Id, "“{0}”的分数不能小于 0", criterion.Name);
        if (value > criterion.MaxScore) return new(criterion.Id, "“{0}”的分数不能超过满分 {1}", criterion.Name, criterion.MaxScore.ToString("0.##", CultureInfo.InvariantCulture));
        if (criterion.WholeNumbersOnly && value != decimal.Truncate(value))
            return new(criterion.Id, "“{0}”只能打整数分", criterion.Name);
        if (decimal.Round(value, 2) != value) return new(criterion.Id, "“{0}”的分数最多保留两位小数", criterion.Name);
        return null;
    }

    /// <summary>
    /// The weighted total on a 0–100 scale: each score as a share of its maximum, weighted, divided by the
    /// sum of weights, so rubrics whose weights do not add up to 100 still give totals out of 100.
    /// </summary>
    public static decimal WeightedTotal(IReadOnlyList<RubricCriterion> criteria, IReadOnlyDictionary<int, decimal> values)
    {
        var weights = criteria.Sum(c => c.Weight);
        if (weights <= 0) return 0;
        var sum = criteria.Sum(c => values.TryGetValue(c.Id, out var v) ? c.Weight * v / c.MaxScore : 0m);
        return decimal.Round(100m * sum / weights, 4);
    }
}
