using ContestSite.Core.Bundles;
using ContestSite.Core.Bundles.Masking;
using ContestSite.Core.Catalog;
using ContestSite.Data;
using Microsoft.EntityFrameworkCore;

namespace ContestSite.Web.Bundles.Serving;

/// <summary>The masking a dataset's files get: none, a plan, or (when the chosen rules no longer make one) errors that stop serving.</summary>
public sealed record DatasetMasking(bool Needed, MaskingPlan? Plan, IReadOnlyList<string> Errors)
{
    public bool CanServe => !Needed || Plan is not null;
}

public sealed class MaskingPlans(ContestDbContext db, MaskingKeySource keys)
{
    public async Task<DatasetMasking> ForAsync(Guid datasetId, IReadOnlyList<DatasetField> fields, CancellationToken cancellationToken)
    {
        var rules = await db.FieldMaskingRules.AsNoTracking().Where(r => r.DatasetId == datasetId).ToListAsync(cancellationToken);
        if (!BundleRules.NeedsMasking(fields, rules)) return new DatasetMasking(false, null, []);
        var key = await keys.GetAsync(cancellationToken);
        var result = MaskingPlan.Build(fields, rules.Select(r => new MaskingRuleChoice(r.FieldName, r.Rule, r.KeepFirst, r.KeepLast)), key);
        return new DatasetMasking(true, result.Plan, result.Errors);
    }
}
