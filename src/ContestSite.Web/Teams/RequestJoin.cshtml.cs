using System.ComponentModel.DataAnnotations;
using ContestSite.Data;
using ContestSite.Web.Seasons;
using ContestSite.Web.Security;
using ContestSite.Web.Teams.UseCases;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ContestSite.Web.Teams;

/// <summary>Asking a team to join; shows only the team's name, never its members.</summary>
[RequirePermission(TeamPermissions.Participate)]
public sealed class RequestJoinModel(ContestDbContext db, CurrentContest current, RequestToJoin requestToJoin, IStringLocalizerFactory localizers) : ContestPageModel(localizers)
{
    [BindProperty] public MemberDetailsInput Me { get; set; } = new();
    [BindProperty, StringLength(500, ErrorMessage = "留言不能超过 500 个字符")] public string? Message { get; set; }
    public string TeamName { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync([FromRoute] int id) => await LoadAsync(id) ?? Page();

    public async Task<IActionResult> OnPostAsync([FromRoute] int id)
    {
        if (await LoadAsync(id) is { } notFound) return notFound;
        if (!ModelState.IsValid) return Page();
        var result = await requestToJoin.RunAsync(Contest!, id, UserId, Me, Message);
        if (!result.Allowed)
        {
            ShowRefusal(result);
            return Page();
        }
        Announce("申请已发送，请等待队长答复。");
        return Redirect("/teams/mine");
    }

    private async Task<IActionResult?> LoadAsync(int id)
    {
        Contest = await current.FindAsync();
        var name = Contest is null ? null
            : await db.Teams.Where(t => t.Id == id && t.ContestId == Contest.Id).Select(t => t.Name).FirstOrDefaultAsync();
        if (name is null) return NotFound();
        TeamName = name;
        return null;
    }
}
