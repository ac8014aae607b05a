using ContestSite.Core.Rules;

namespace ContestSite.Core.Catalog;

/// <summary>What one reviewer records for one dataset or a whole batch.</summary>
public sealed record ReviewAssessment(ReviewDecision Decision, bool LevelConfirmed, bool SensitiveFieldsConfirmed, bool MaskingRulesComplete,
    string? OpenTypeJustification, string? ReturnReason);

/// <summary>A dataset as a review needs it: its state, round, who handled it, its classification and masking rules.</summary>
public sealed record DatasetUnderReview(Guid Id, string Title, DatasetStatus Status, int Round, string? SubmittedById, DateTimeOffset? SubmittedAt, string? LastEditedById,
    OpenType OpenType, int? SensitivityLevel, IReadOnlyList<string> SensitiveFields, IReadOnlyList<string> FieldsWithMaskingRules)
{
    public IReadOnlyList<string> FieldsWithoutMaskingRules =>
        SensitiveFields.Where(f => !FieldsWithMaskingRules.Contains(f, StringComparer.Ordinal)).ToList();
}

/// <summary>
/// The review before opening (开放前评估审查): a submitted dataset is assessed by an organizer who neither submitted it
/// nor last changed it (four eyes: the person who wrote the classification does not confirm it), and an assessment
/// may not claim what the data contradicts (masking rules complete while a sensitive field has none).
/// </summary>
public static class DatasetReviewRules
{
    public const int MaxTextLength = 1000;

    public static RuleResult CheckAssessment(ReviewAssessment assessment)
    {
        if (!Enum.IsDefined(assessment.Decision)) return RuleResult.Refuse("请选择审核结论");
        if ((assessment.OpenTypeJustification?.Length ?? 0) > MaxTextLength || (assessment.ReturnReason?.Length ?? 0) > MaxTextLength)
            return RuleResult.Refuse("说明不能超过 1000 个字符");
        if (assessment.Decision == ReviewDecision.Returned)
            return string.IsNullOrWhiteSpace(assessment.ReturnReason) ? RuleResult.Refuse("退回草稿时，请填写原因") : RuleResult.Ok;
        if (!assessment.LevelConfirmed || !assessment.SensitiveFieldsConfirmed)
            return RuleResult.Refuse("批准发布前，须确认分类分级和敏感字段");
        if (string.IsNullOrWhiteSpace(assessment.OpenTypeJustification))
            return RuleResult.Refuse("批准发布前，请说明开放类型的依据");
        return RuleResult.Ok;
    }

    /// <summary>Whether <paramref name="reviewerId"/> may record <paramref name="assessment"/> on the round <paramref name="seenRound"/> of the dataset.</summary>
    public static RuleResult Check(DatasetUnderReview dataset, int seenRound, string reviewerId, ReviewAssessment assessment)
    {
        if (dataset.Status != DatasetStatus.InReview)
            return RuleResult.Refuse("“{0}”不在待审核状态（未提交，或已被审核、撤回），不能审核", dataset.Title);
        if (dataset.Round != seenRound)
            return RuleResult.Refuse("“{0}”在您打开审核页之后被撤回并重新提交，请刷新后重新审核", dataset.Title);
        if (dataset.SubmittedById == reviewerId)
            return RuleResult.Refuse("“{0}”由您提交审核，须由另一位组织者审核", dataset.Title);
        if (dataset.LastEditedById == reviewerId)
            return RuleResult.Refuse("“{0}”最近一次由您修改，须由另一位组织者审核", dataset.Title);
        var missing = dataset.FieldsWithoutMaskingRules;
        if (assessment.MaskingRulesComplete && missing.Count > 0)
            return RuleResult.Refuse("“{0}”的脱敏规则并不完整，尚未设置：{1}", dataset.Title, string.Join("、", missing));
        if (assessment.Decision == ReviewDecision.Approved)
        {
            var level = SensitivityRules.Check(dataset.SensitivityLevel, dataset.OpenType, dataset.SensitiveFields, dataset.FieldsWithMaskingRules);
            if (!level.Allowed) return RuleResult.Refuse("“{0}”不能发布：{1}", dataset.Title, new LocalText(level.Message!, level.Arguments));
        }
        return RuleResult.Ok;
    }
}
