using System.ComponentModel.DataAnnotations;
using ContestSite.Core.Catalog;

namespace ContestSite.Web.Catalog.Review;

/// <summary>The assessment form, the same for one dataset and for a batch.</summary>
public sealed class ReviewForm
{
    public ReviewDecision? Decision { get; set; }
    public bool LevelConfirmed { get; set; }
    public bool SensitiveFieldsConfirmed { get; set; }
    public bool MaskingRulesComplete { get; set; }
    [StringLength(DatasetReviewRules.MaxTextLength, ErrorMessage = "说明不能超过 1000 个字符")] public string? OpenTypeJustification { get; set; }
    [StringLength(DatasetReviewRules.MaxTextLength, ErrorMessage = "说明不能超过 1000 个字符")] public string? ReturnReason { get; set; }

    public ReviewAssessment ToAssessment() =>
        new(Decision ?? 0, LevelConfirmed, SensitiveFieldsConfirmed, MaskingRulesComplete, OpenTypeJustification, ReturnReason);
}
