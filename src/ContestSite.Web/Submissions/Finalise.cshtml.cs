using System.Security.Claims;
using ContestSite.Core.Rules;
using ContestSite.Core.Submissions;
using ContestSite.Data;
using ContestSite.Web.Localization;
using ContestSite.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace ContestSite.Web.Submissions;

/// <summary>
/// The confirmation before 定稿, without JavaScript: it names the consequence and the version, and its button posts
/// the confirmation to the entry page's Finalise handler (which refuses a post without it).
/// </summary>
[RequirePermission(SubmissionPermissions.Submit)]
public sealed class FinaliseModel(ContestDbContext db, TimeProvider clock, IStringLocalizerFactory localizers) : PageModel
{
    public EntryContext Entry { get; private set; } = null!;
    public SubmissionVersion? Current { get; private set; }
    /// <summary>Why the captain cannot finalise now, or Ok.</summary>
    public RuleResult Decision { get; private set; } = RuleResult.Ok;
    public string Refusal => localizers.Create(typeof(SubmissionPermissions)).Localize(Decision);

    public async Task<IActionResult> OnGetAsync(int roundId)
    {
        var userId = User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";
        var entry = await db.EntryForPersonAsync(roundId, userId, HttpContext.RequestAborted);
        if (entry is null) return NotFound();
        Entry = entry;
        Decision = SubmissionRules.CanFinalise(entry.Team, entry.Round, entry.MayEnter, entry.Submission, userId, clock.GetUtcNow());
        if (entry.Submission is { CurrentVersionNumber: > 0 } submission)
            Current = await db.VersionAsync(submission.Id, submission.CurrentVersionNumber, HttpContext.RequestAborted);
        return Page();
    }
}
