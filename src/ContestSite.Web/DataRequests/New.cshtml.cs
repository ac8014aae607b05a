using ContestSite.Core.DataRequests;
using ContestSite.Web.DataRequests.UseCases;
using ContestSite.Web.Security;
using ContestSite.Web.Throttling;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace ContestSite.Web.DataRequests;

/// <summary>The form to ask for data: what, why, the use scenario and the provider one thinks holds it. Any account may ask; asking is rate-limited.</summary>
[Authorize]
[RequirePermission(DataRequestPermissions.CatalogView)]
[Throttle(ThrottleRules.PublicPost)]
public sealed class NewDataRequestModel(IStringLocalizerFactory localizers) : ContestPageModel(localizers)
{
    [BindProperty(SupportsGet = true)] public string? Title { get; set; }
    [BindProperty] public string? Description { get; set; }
    [BindProperty] public string? Scenario { get; set; }
    [BindProperty] public string? Provider { get; set; }

    public void OnGet()
    {
        // Arriving from a catalogue search that found nothing: the search words start the title.
        if (Title is { Length: > DataRequestRules.TitleMax }) Title = Title[..DataRequestRules.TitleMax];
    }

    public async Task<IActionResult> OnPostAsync([FromServices] AskForData ask)
    {
        var (result, id) = await ask.RunAsync(UserId, Title, Description, Scenario, Provider, HttpContext.RequestAborted);
        if (!result.Allowed)
        {
            ShowRefusal(result);
            return Page();
        }
        Announce("需求已提交并公开，处理进展会通过邮件通知您。");
        return Redirect($"/data-requests/{id}");
    }
}
