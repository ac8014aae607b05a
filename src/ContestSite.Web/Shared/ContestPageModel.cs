using System.Security.Claims;
using ContestSite.Core.Contests;
using ContestSite.Core.Rules;
using ContestSite.Web.Localization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace ContestSite.Web;

/// <summary>
/// What the pages of contestants and organizers share (teams, data bundles): the contest, the signed-in person's id,
/// a refused rule shown as a form error and a notice for the next page.
/// </summary>
public abstract class ContestPageModel(IStringLocalizerFactory localizers) : PageModel
{
    protected IStringLocalizer Text { get; } = localizers.Create(typeof(ContestPageModel));

    public Contest? Contest { get; protected set; }

    protected string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";

    protected void ShowRefusal(RuleResult result) => ModelState.AddModelError(string.Empty, Text.Localize(result));

    protected void Announce(string message, params object[] arguments) => TempData["Notice"] = Text[message, arguments].Value;
}
