using ContestSite.Data;
using ContestSite.Web.Judging.UseCases;
using ContestSite.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ContestSite.Web.Judging;

/// <summary>The judge's own profile: organization (for proposed conflicts) and expertise tags (for matching).</summary>
[RequirePermission(JudgingPermissions.Review)]
public sealed class ProfileModel(ContestDbContext db, SaveJudgeProfile save, IStringLocalizerFactory localizers) : JudgingPageModel(localizers)
{
    [BindProperty] public string? Organization { get; set; }
    [BindProperty] public string? Tags { get; set; }

    public async Task OnGetAsync()
    {
        var profile = await db.JudgeProfiles.AsNoTracking().SingleOrDefaultAsync(p => p.UserId == UserId);
        Organization = profile?.Organization;
        Tags = profile?.ExpertiseTags;
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var result = await save.RunAsync(UserId, Organization, Tags);
        if (!result.Allowed)
        {
            ShowRefusal(result);
            return Page();
        }
        Announce("评委资料已保存。");
        return Redirect("/judging/profile");
    }
}
