using System.Security.Claims;
using ContestSite.Core.Judging;
using ContestSite.Core.Rules;
using ContestSite.Web.Localization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace ContestSite.Web.Judging;

/// <summary>What the judging pages share: the signed-in person's id and showing refusals as form errors.</summary>
public abstract class JudgingPageModel(IStringLocalizerFactory localizers) : PageModel
{
    protected IStringLocalizer Text { get; } = localizers.Create(typeof(JudgingPageModel));

    protected string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";

    protected void ShowRefusal(RuleResult result) => ModelState.AddModelError(string.Empty, Text.Localize(result));

    protected void ShowError(string key, ScoreError error) =>
        ModelState.AddModelError(key, Text[error.Message, error.Arguments].Value);

    protected void Announce(string message, params object[] arguments) => TempData["Notice"] = Text[message, arguments].Value;
}
