using ContestSite.Core.Bundles.Masking;
using ContestSite.Core.Catalog;
using ContestSite.Data;
using ContestSite.Web.Bundles.UseCases;
using ContestSite.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ContestSite.Web.Bundles.Admin;

/// <summary>The masking rule of each field of one dataset, checked as a whole before it is saved.</summary>
[RequirePermission(BundlePermissions.ManageBundles)]
public sealed class MaskingModel(ContestDbContext db, Microsoft.Extensions.Localization.IStringLocalizerFactory localizers) : PageModel
{
    public sealed class RuleInput
    {
        public string FieldName { get; set; } = "";
        public string? Rule { get; set; }
        public int? KeepFirst { get; set; }
        public int? KeepLast { get; set; }
    }

    public static IReadOnlyList<string> RuleNames { get; } = Enum.GetNames<MaskingRuleKind>();

    public Dataset Dataset { get; private set; } = null!;
    [BindProperty] public List<RuleInput> Rules { get; set; } = [];
    public IReadOnlyList<string> Errors { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid datasetId)
    {
        if (!await LoadAsync(datasetId)) return NotFound();
        var saved = await db.FieldMaskingRules.AsNoTracking().Where(r => r.DatasetId == datasetId).ToListAsync();
        Rules = Dataset.Fields.OrderBy(f => f.SortOrder).Select(f => saved.FirstOrDefault(r => string.Equals(r.FieldName, f.Name.Trim(), StringComparison.OrdinalIgnoreCase)) is { } r
            ? new RuleInput { FieldName = f.Name, Rule = r.Rule, KeepFirst = r.KeepFirst, KeepLast = r.KeepLast }
            : new RuleInput { FieldName = f.Name }).ToList();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid datasetId, [FromServices] SaveMaskingRules save)
    {
        if (!await LoadAsync(datasetId)) return NotFound();
        Errors = await save.RunAsync(datasetId, Rules.Select(r => new MaskingRuleChoice(r.FieldName, r.Rule ?? "", r.KeepFirst, r.KeepLast)).ToList());
        if (Errors.Count > 0) return Page();
        TempData["Notice"] = localizers.Create(typeof(MaskingModel))["脱敏规则已保存。"].Value;
        return Redirect($"/admin/bundles/masking/{datasetId}");
    }

    private async Task<bool> LoadAsync(Guid id)
    {
        var dataset = await db.Datasets.AsNoTracking().Include(d => d.Fields).FirstOrDefaultAsync(d => d.Id == id);
        if (dataset is null) return false;
        Dataset = dataset;
        return true;
    }
}
