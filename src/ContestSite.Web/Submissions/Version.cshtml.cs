using System.Security.Claims;
using ContestSite.Core.Submissions;
using ContestSite.Data;
using ContestSite.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ContestSite.Web.Submissions;

/// <summary>One saved version of the team's entry, read-only: versions never change.</summary>
[RequirePermission(SubmissionPermissions.Submit)]
public sealed class VersionModel(ContestDbContext db) : PageModel
{
    public SubmissionVersion Version { get; private set; } = null!;
    public string RoundName { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(int roundId, int number)
    {
        var entry = await db.EntryForPersonAsync(roundId, User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "");
        if (entry?.Submission is null) return NotFound();
        var version = await db.VersionAsync(entry.Submission.Id, number);
        if (version is null) return NotFound();
        Version = version;
        RoundName = entry.Round.Name;
        return Page();
    }
}
