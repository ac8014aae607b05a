using System.Security.Claims;
using ContestSite.Core.Contests;
using ContestSite.Core.Rules;
using ContestSite.Web.Localization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace ContestSite.Web.Teams;

/// <summary>What the team pages share: the signed-in person's id and showing a refused rule as a form error.</summary>
public abstract class TeamPageModel(IStringLocalizerFactory localizers) : PageModel
{
    protected IStringLocalizer Text { get; } = localizers.Create(typeof(TeamPageModel));

    public Contest? Contest { get; protected set; }

    protected string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";

    protected void ShowRefusal(RuleResult result) => ModelState.AddModelError(string.Empty, Text.Localize(result));

    protected void Announce(string message, params object[] arguments) => TempData["Notice"] = Text[message, arguments].Value;
}
