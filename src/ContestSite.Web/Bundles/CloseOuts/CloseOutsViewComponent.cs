using Microsoft.AspNetCore.Mvc;

namespace ContestSite.Web.Bundles.CloseOuts;

/// <summary>
/// The close-out (销毁) block: a team's on <c>/bundles</c> (linking to each attestation page), or an application's on the
/// organizers' application page (with the attested files). Empty when there is none.
/// </summary>
public sealed class CloseOutsViewComponent(CloseOutViews views) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(int? teamId = null, int? applicationId = null)
    {
        if (teamId is null && applicationId is null) return Content("");
        var list = await views.ForAsync(applicationId, teamId);
        ViewData["ForOrganizers"] = applicationId is not null;
        return View("/Bundles/CloseOuts/_CloseOuts.cshtml", list);
    }
}
