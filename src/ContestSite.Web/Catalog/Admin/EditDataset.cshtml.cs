using ContestSite.Core.Catalog;
using ContestSite.Data;
using ContestSite.Web.Audit;
using ContestSite.Web.Security;
using ContestSite.Web.Storage;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ContestSite.Web.Catalog.Admin;

[RequirePermission(CatalogPermissions.ManageCatalog)]
[RequestSizeLimit(EditDatasetModel.MaxResourceBytes + 1024 * 1024)]
[RequestFormLimits(MultipartBodyLengthLimit = EditDatasetModel.MaxResourceBytes + 1024 * 1024)]
public sealed class EditDatasetModel(ContestDbContext db, IFileStore files, IAuditLog audit, TimeProvider clock, IStringLocalizerFactory localizers) : PageModel
{
    public const long MaxResourceBytes = 1L << 30;
    private readonly IStringLocalizer _t = localizers.Create(typeof(EditDatasetModel));

    [BindProperty(SupportsGet = true)] public string Id { get; set; } = "";
    [BindProperty] public DatasetInput Input { get; set; } = new();
    public bool IsNew => Id == "new";
    public IReadOnlyList<DatasetResource> Resources { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        if (IsNew) return Page();
        var dataset = await LoadAsync();
        if (dataset is null) return NotFound();
        Input = DatasetInput.From(dataset);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var now = clock.GetUtcNow();
        var dataset = IsNew ? new Dataset { Title = "", CreatedAt = now } : await LoadAsync();
        if (dataset is null) return NotFound();
        if (!ModelState.IsValid) return Page();
        var badLines = Input.ApplyTo(dataset);
        if (badLines.Count > 0)
        {
            ModelState.AddModelError("Input.Fields", _t["字段列表中有无法读取的行（格式：字段名|类型|说明|敏感，字段名不能重复）：{0}", string.Join(" / ", badLines.Take(5))].Value);
            db.ChangeTracker.Clear();
            return Page();
        }
        dataset.UpdatedAt = now;
        if (IsNew) db.Datasets.Add(dataset);
        await db.SaveChangesAsync();
        await audit.AppendAsync(new AuditEvent(IsNew ? "catalog.dataset-created" : "catalog.dataset-changed", $"dataset:{dataset.Id}", "ok",
            $"{dataset.Title}; {dataset.OpenType}; {dataset.Status}"));
        TempData["Notice"] = _t["数据集已保存。"].Value;
        return Redirect($"/admin/datasets/{dataset.Id}");
    }

    public async Task<IActionResult> OnPostUploadAsync(IFormFile? file)
    {
        var dataset = await LoadAsync();
        if (dataset is null) return NotFound();
        if (file is null || file.Length == 0)
        {
            TempData["Notice"] = _t["请选择要上传的文件。"].Value;
            return Redirect($"/admin/datasets/{dataset.Id}");
        }
        StoredFile stored;
        try
        {
            await using var content = file.OpenReadStream();
            stored = await files.SaveAsync(content, MaxResourceBytes, HttpContext.RequestAborted);
        }
        catch (FileTooLargeException)
        {
            TempData["Notice"] = _t["文件超过 1 GB，未保存。"].Value;
            return Redirect($"/admin/datasets/{dataset.Id}");
        }
        var name = FileNames.Clean(file.FileName);
        dataset.Resources.Add(new DatasetResource
        {
            FileName = name, SizeBytes = stored.Size, ContentHash = stored.Sha256, StorageKey = stored.Key,
            Format = Path.GetExtension(name).TrimStart('.').ToLowerInvariant() is { Length: > 0 } ext ? ext : null, UploadedAt = clock.GetUtcNow(),
        });
        dataset.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync();
        await audit.AppendAsync(new AuditEvent("catalog.file-added", $"dataset:{dataset.Id}", "ok", $"{name} {stored.Size} bytes sha256 {stored.Sha256}"));
        TempData["Notice"] = _t["文件已上传。"].Value;
        return Redirect($"/admin/datasets/{dataset.Id}");
    }

    public async Task<IActionResult> OnPostDeleteResourceAsync(int resourceId)
    {
        var dataset = await LoadAsync();
        var resource = dataset?.Resources.FirstOrDefault(r => r.Id == resourceId);
        if (dataset is null || resource is null) return NotFound();
        dataset.Resources.Remove(resource);
        dataset.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync();
        await audit.AppendAsync(new AuditEvent("catalog.file-removed", $"dataset:{dataset.Id}", "ok", resource.FileName));
        return Redirect($"/admin/datasets/{dataset.Id}");
    }

    private async Task<Dataset?> LoadAsync()
    {
        if (!Guid.TryParse(Id, out var id)) return null;
        var dataset = await db.Datasets.Include(d => d.Fields).Include(d => d.Resources).AsSplitQuery().SingleOrDefaultAsync(d => d.Id == id);
        Resources = dataset?.Resources.OrderBy(r => r.FileName).ToList() ?? [];
        return dataset;
    }
}
