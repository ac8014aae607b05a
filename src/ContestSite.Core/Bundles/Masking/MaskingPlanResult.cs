namespace ContestSite.Core.Bundles.Masking;

/// <summary>A plan, or the reasons (in Chinese, for the organizer) why the chosen rules cannot make one.</summary>
public sealed record MaskingPlanResult(MaskingPlan? Plan, IReadOnlyList<string> Errors)
{
    public bool Succeeded => Plan is not null;
}
