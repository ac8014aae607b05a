using ContestSite.Core.Bundles;
using ContestSite.Core.Bundles.Masking;
using ContestSite.Core.Catalog;
using ContestSite.Data;
using ContestSite.Web.Audit;
using Microsoft.EntityFrameworkCore;

namespace ContestSite.Web.Bundles.UseCases;

/// <summary>
/// An organizer chooses a masking rule per field. The choices are saved only when they make a plan, so
/// nothing served can depend on a rule that does not work; an empty choice means "keep" for an ordinary
/// field and "drop" for a sensitive one.
/// Published for the catalogue's recipe step, which sets the rules of the restricted datasets it makes before their review.
/// </summary>
[ExtensionPoint]
public sealed class SaveMaskingRules(ContestDbContext db, MaskingKeySource keys, IAuditLog audit)
{
    public async Task<IReadOnlyList<string>> RunAsync(Guid datasetId, IReadOnlyList<MaskingRuleChoice> choices)
    {
        var fields = await db.DatasetFields.AsNoTracking().Where(f => f.DatasetId == datasetId).ToListAsync();
        var chosen = choices.Where(c => !string.IsNullOrWhiteSpace(c.Rule)).ToList();
        var result = MaskingPlan.Build(fields, chosen, await keys.GetAsync());
        if (!result.Succeeded) return result.Errors;
        // An L3 dataset open on application needs an explicit rule for every sensitive field (SensitivityRules).
        var dataset = await db.Datasets.AsNoTracking().Where(d => d.Id == datasetId).Select(d => new { d.SensitivityLevel, d.OpenType }).SingleAsync();
        var level = SensitivityRules.Check(dataset.SensitivityLevel, dataset.OpenType, fields.Where(f => f.IsSensitive).Select(f => f.Name), chosen.Select(c => c.FieldName.Trim()));
        if (!level.Allowed) return [level.ChineseText!];
        var existing = await db.FieldMaskingRules.Where(r => r.DatasetId == datasetId).ToListAsync();
        db.FieldMaskingRules.RemoveRange(existing);
        await db.SaveChangesAsync();
        db.FieldMaskingRules.AddRange(chosen.Select(c => new FieldMaskingRule
        {
            DatasetId = datasetId, FieldName = c.FieldName.Trim(), Rule = c.Rule.Trim(),
            KeepFirst = c.KeepFirst, KeepLast = c.KeepLast,
        }));
        await audit.AppendAsync(() => new AuditEvent("bundle.masking", $"dataset:{datasetId}", "ok",
            string.Join("; ", result.Plan!.Fields.Select(f => $"{f.FieldName}={f.Rule}"))) { DatasetId = datasetId });
        return [];
    }
}
