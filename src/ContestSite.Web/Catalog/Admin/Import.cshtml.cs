using System.Security.Claims;
using ContestSite.Web.Catalog.UseCases;
using ContestSite.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace ContestSite.Web.Catalog.Admin;

[RequirePermission(CatalogPermissions.ManageCatalog)]
[RequestSizeLimit(ImportModel.MaxBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = ImportModel.MaxBytes)]
public sealed class ImportModel(ImportCatalogFile importer, IStringLocalizerFactory localizers) : PageModel
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
            Report = await importer.ImportAsync(file.FileName, content, User.FindFirstValue(ClaimTypes.NameIdentifier), cancellationToken: HttpContext.RequestAborted);
        if (!Report.Succeeded) Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
