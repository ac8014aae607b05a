using ContestSite.Core.DataRequests;
using ContestSite.Data;
using ContestSite.Web.DataRequests.UseCases;
using ContestSite.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ContestSite.Web.DataRequests;

/// <summary>One demand request as the public sees it (never who asked), with its answer, the dataset it led to, and 附议.</summary>
[RequirePermission(DataRequestPermissions.CatalogView)]
public sealed class DataRequestDetailsModel(ContestDbContext db, IAuthorizationService authorization, IStringLocalizerFactory localizers) : ContestPageModel(localizers)
{
    public DataRequest Item { get; private set; } = null!;
    public string? DatasetTitle { get; private set; }
    public bool Supports { get; private set; }
    public bool IsRequester { get; private set; }
    public bool MayHandle { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id) => await LoadAsync(id) ? Page() : NotFound();

    public async Task<IActionResult> OnPostSupportAsync(int id, [FromServices] SupportDataRequest support)
    {
        if (User.Identity?.IsAuthenticated != true) return Challenge();
        var result = await support.RunAsync(id, UserId, HttpContext.RequestAborted);
        if (!result.Allowed)
        {
            if (!await LoadAsync(id)) return NotFound();
            ShowRefusal(result);
            return Page();
        }
        Announce("已附议，处理进展会通过邮件通知您。");
        return Redirect($"/data-requests/{id}");
    }

    private async Task<bool> LoadAsync(int id)
    {
        var request = await db.DataRequests.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id);
        if (request is null) return false;
        Item = request;
        if (request.DatasetId is { } datasetId)
            DatasetTitle = await db.Datasets.Where(d => d.Id == datasetId).Select(d => d.Title).SingleOrDefaultAsync();
        if (User.Identity?.IsAuthenticated == true)
        {
            IsRequester = request.RequesterId == UserId;
            Supports = await db.DataRequestSupports.AnyAsync(s => s.RequestId == id && s.UserId == UserId);
            MayHandle = (await authorization.AuthorizeAsync(User, PermissionPolicies.Prefix + DataRequestPermissions.ManageRequests)).Succeeded;
        }
        return true;
    }
}
