using System.Security.Claims;
using ContestSite.Core.Catalog;
using ContestSite.Data;
using ContestSite.Web.Catalog.UseCases;
using ContestSite.Web.Localization;
using ContestSite.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ContestSite.Web.Catalog.Admin;

[RequirePermission(CatalogPermissions.ManageCatalog)]
[RequestSizeLimit(EditDatasetModel.MaxResourceBytes + 1024 * 1024)]
[RequestFormLimits(MultipartBodyLengthLimit = EditDatasetModel.MaxResourceBytes + 1024 * 1024)]
public sealed class EditDatasetModel(ContestDbContext db, IStringLocalizerFactory localizers) : PageModel
{
    public const long MaxResourceBytes = AddDatasetFile.MaxBytes;
    private readonly IStringLocalizer _t = localizers.Create(typeof(EditDatasetModel));

    [BindProperty(SupportsGet = true)] public string Id { get; set; } = "";
    [BindProperty] public DatasetInput Input { get; set; } = new();
    public bool IsNew => Id == "new";
    public IReadOnlyList<DatasetResource> Resources { get; private set; } = [];
    /// <summary>Every change of the classification, newest first.</summary>
    public IReadOnlyList<ClassificationChange> History { get; private set; } = [];
    /// <summary>Who contributed the dataset (社会贡献数据), for the reviewer; null for government data.</summary>
    public Core.Catalog.Contributions.DatasetContribution? Contribution { get; private set; }
    public string? ContributorName { get; private set; }
    public string? Licence { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (IsNew) return Page();
        var dataset = await LoadAsync();
        if (dataset is null) return NotFound();
        Input = DatasetInput.From(dataset);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync([FromServices] SaveDataset save)
    {
        Guid? datasetId = IsNew ? null : Guid.TryParse(Id, out var id) ? id : Guid.Empty;
        if (datasetId == Guid.Empty) return NotFound();
        if (!ModelState.IsValid)
        {
            if (!IsNew && await LoadAsync() is null) return NotFound();
            return Page();
        }
        var change = await save.SaveAsync(datasetId, Input, User.FindFirstValue(ClaimTypes.NameIdentifier), HttpContext.RequestAborted);
        if (change is null) return NotFound();
        if (change.Refusal is { } refusal)
        {
            ModelState.AddModelError("Input.ClassificationReason", _t.Localize(refusal));
            await LoadAsync();
            return Page();
        }
        if (!change.Saved)
        {
            ModelState.AddModelError("Input.Fields", _t["字段列表中有无法读取的行（格式：字段名|类型|说明|敏感，字段名不能重复）：{0}", string.Join(" / ", change.BadFieldLines.Take(5))].Value);
            if (!IsNew) await LoadAsync();
            return Page();
        }
        TempData["Notice"] = _t["数据集已保存。"].Value;
        return Redirect($"/admin/datasets/{change.Id}");
    }

    public async Task<IActionResult> OnPostUploadAsync(IFormFile? file, [FromServices] AddDatasetFile add)
    {
        if (!Guid.TryParse(Id, out var datasetId)) return NotFound();
        if (file is null || file.Length == 0)
        {
            if (!await db.Datasets.AnyAsync(d => d.Id == datasetId, HttpContext.RequestAborted)) return NotFound();
            TempData["Notice"] = _t["请选择要上传的文件。"].Value;
            return Redirect($"/admin/datasets/{datasetId}");
        }
        await using var content = file.OpenReadStream();
        var result = await add.AddAsync(datasetId, file.FileName, content, HttpContext.RequestAborted);
        if (result is null) return NotFound();
        TempData["Notice"] = result.Allowed ? _t["文件已上传。"].Value : _t[result.Message!, result.Arguments].Value;
        return Redirect($"/admin/datasets/{datasetId}");
    }

    public async Task<IActionResult> OnPostDeleteResourceAsync(int resourceId, [FromServices] RemoveDatasetFile remove) =>
        Guid.TryParse(Id, out var datasetId) && await remove.RemoveAsync(datasetId, resourceId, HttpContext.RequestAborted)
            ? Redirect($"/admin/datasets/{datasetId}")
            : NotFound();

    private async Task<Dataset?> LoadAsync()
    {
        if (!Guid.TryParse(Id, out var id)) return null;
        var dataset = await db.Datasets.Include(d => d.Fields).Include(d => d.Resources).AsSplitQuery().SingleOrDefaultAsync(d => d.Id == id);
        Resources = dataset?.Resources.OrderBy(r => r.FileName).ToList() ?? [];
        History = await db.ClassificationChanges.AsNoTracking().Where(c => c.DatasetId == id).OrderByDescending(c => c.Id).ToListAsync();
        Contribution = await db.DatasetContributions.AsNoTracking().SingleOrDefaultAsync(c => c.DatasetId == id);
        ContributorName = Contribution is null ? null : await db.Users.Where(u => u.Id == Contribution.ContributorId).Select(u => u.DisplayName).FirstOrDefaultAsync();
        Licence = dataset?.Licence;
        return dataset;
    }
}
