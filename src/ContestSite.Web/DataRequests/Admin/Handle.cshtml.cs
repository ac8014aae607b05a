using ContestSite.Core.Catalog;
using ContestSite.Core.DataRequests;
using ContestSite.Core.Rules;
using ContestSite.Data;
using ContestSite.Web.DataRequests.UseCases;
using ContestSite.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ContestSite.Web.DataRequests.Admin;

/// <summary>An organizer handles one request: who asked (to contact them), route, answer, decline, or link the dataset that opened.</summary>
[RequirePermission(DataRequestPermissions.ManageRequests)]
public sealed class HandleDataRequestModel(ContestDbContext db, HandleDataRequest handle, IStringLocalizerFactory localizers) : ContestPageModel(localizers)
{
    public DataRequest Item { get; private set; } = null!;
    public string? RequesterName { get; private set; }
    public string? RequesterEmail { get; private set; }

    [BindProperty] public string? Provider { get; set; }
    [BindProperty] public string? Answer { get; set; }
    [BindProperty] public string? DatasetLink { get; set; }

    public async Task<IActionResult> OnGetAsync(int id) => await LoadAsync(id) ? Page() : NotFound();

    public Task<IActionResult> OnPostRouteAsync(int id) => ActAsync(id, () => handle.RouteAsync(id, Provider, HttpContext.RequestAborted), "已转办。");

    public Task<IActionResult> OnPostAnswerAsync(int id) => ActAsync(id, () => handle.AnswerAsync(id, Answer, decline: false, HttpContext.RequestAborted), "答复已公开，并已通知提出人和附议人。");

    public Task<IActionResult> OnPostDeclineAsync(int id) => ActAsync(id, () => handle.AnswerAsync(id, Answer, decline: true, HttpContext.RequestAborted), "已答复不予开放，并已通知提出人和附议人。");

    public Task<IActionResult> OnPostLinkAsync(int id) => ActAsync(id, () =>
        DatasetLinks.TryParse(DatasetLink, out var datasetId)
            ? handle.LinkDatasetAsync(id, datasetId, HttpContext.RequestAborted)
            : Task.FromResult(RuleResult.Refuse("请填写数据集页面的链接")), "已关联开放的数据集，并已通知提出人和附议人。");

    private async Task<IActionResult> ActAsync(int id, Func<Task<RuleResult>> act, string done)
    {
        if (!await LoadAsync(id)) return NotFound();
        var result = await act();
        if (!result.Allowed)
        {
            ShowRefusal(result);
            return Page();
        }
        Announce(done);
        return Redirect($"/admin/data-requests/{id}");
    }

    private async Task<bool> LoadAsync(int id)
    {
        var request = await db.DataRequests.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id);
        if (request is null) return false;
        Item = request;
        var requester = await db.Users.Where(u => u.Id == request.RequesterId).Select(u => new { u.DisplayName, u.Email }).SingleOrDefaultAsync();
        RequesterName = requester?.DisplayName;
        RequesterEmail = requester?.Email;
        Provider ??= request.RoutedTo ?? request.SuggestedProvider;
        return true;
    }
}
