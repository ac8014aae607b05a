using ContestSite.Core.Submissions;
using ContestSite.Data;
using ContestSite.Web.Localization;
using ContestSite.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ContestSite.Web.Submissions.Admin;

/// <summary>One entry for organizers: any version, and reopening a finalised entry (audited).</summary>
[RequirePermission(SubmissionPermissions.Review)]
public sealed class EntryModel(ContestDbContext db, IStringLocalizerFactory localizers) : PageModel
{
    public Submission Submission { get; private set; } = null!;
    public string TeamName { get; private set; } = "";
    public List<int> Numbers { get; private set; } = [];
    public SubmissionVersion? Shown { get; private set; }
    [FromQuery(Name = "v")] public int? VersionNumber { get; set; }

    public async Task<IActionResult> OnGetAsync(int id)
    {
        var submission = await db.Submissions.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id);
        if (submission is null) return NotFound();
        Submission = submission;
        TeamName = await db.Teams.Where(t => t.Id == submission.TeamId).Select(t => t.Name).FirstAsync();
        Numbers = await db.SubmissionVersions.Where(v => v.SubmissionId == id).OrderByDescending(v => v.Number).Select(v => v.Number).ToListAsync();
        Shown = await db.VersionAsync(id, VersionNumber ?? submission.CurrentVersionNumber);
        return Page();
    }

    public async Task<IActionResult> OnPostReopenAsync(int id, string? reason, [FromServices] ReopenSubmission reopen)
    {
        var result = await reopen.RunAsync(id, reason);
        var text = localizers.Create(typeof(SubmissionPermissions));
        TempData["Notice"] = result.Allowed ? text["作品已重新开放，团队可以再次修改。"].Value : text.Localize(result);
        return Redirect($"/admin/submissions/{id}");
    }
}
