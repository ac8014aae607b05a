using System.Security.Claims;
using ContestSite.Data;
using ContestSite.Web.Bundles.UseCases;
using ContestSite.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace ContestSite.Web.Bundles;

/// <summary>One application for a member of the expert committee, and their opinion.</summary>
[RequirePermission(BundlePermissions.GiveOpinions)]
public sealed class OpinionModel(ContestDbContext db, IStringLocalizerFactory localizers) : ContestPageModel(localizers)
{
    public ApplicationRow Row { get; private set; } = null!;
    [BindProperty] public bool Supports { get; set; } = true;
    [BindProperty] public string? Comment { get; set; }

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (!await LoadAsync(id)) return NotFound();
        if (Row.Application.Opinions.FirstOrDefault(o => o.JudgeId == UserId) is { } mine)
        {
            Supports = mine.Supports;
            Comment = mine.Comment;
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, [FromServices] GiveOpinion give)
    {
        if (!await LoadAsync(id)) return NotFound();
        var name = User.FindFirstValue(ClaimTypes.Email) ?? User.Identity?.Name ?? UserId;
        var result = await give.RunAsync(id, UserId, name, Supports, Comment);
        if (!result.Allowed)
        {
            ShowRefusal(result);
            return Page();
        }
        Announce("意见已提交，组委会审批时会看到。");
        return Redirect("/data-applications/opinions");
    }

    private async Task<bool> LoadAsync(int id)
    {
        var row = await db.ApplicationRowAsync(id);
        if (row is null || row.Application.OpinionRequestedAt is null) return false;
        Row = row;
        return true;
    }
}
