using ContestSite.Web.Audit;
using ContestSite.Web.Security;
using ContestSite.Web.Storage;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace ContestSite.Web.Catalog.Admin;

[RequirePermission(CatalogPermissions.ManageCatalog)]
[RequestSizeLimit(ImportModel.MaxBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = ImportModel.MaxBytes)]
public sealed class ImportModel(CatalogImportService importer, IAuditLog audit, IStringLocalizerFactory localizers) : PageModel
{
    public const long MaxBytes = 200L * 1024 * 1024;
    public CatalogImportReport? Report { get; private set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(IFormFile? file)
    {
        if (file is null || file.Length == 0)
        {
            ModelState.AddModelError(string.Empty, localizers.Create(typeof(ImportModel))["请选择要导入的目录文件。"].Value);
            return Page();
        }
        await using (var content = file.OpenReadStream())
            Report = await importer.ImportAsync(content, HttpContext.RequestAborted);
        await audit.AppendAsync(new AuditEvent("catalog.imported", $"file:{FileNames.Clean(file.FileName)}", Report.Succeeded ? "ok" : "refused",
            Report.Succeeded ? $"inserted {Report.Inserted}, updated {Report.Updated}, unchanged {Report.Unchanged}, problems {Report.Problems.Count}" : Report.FatalError));
        if (!Report.Succeeded) Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
