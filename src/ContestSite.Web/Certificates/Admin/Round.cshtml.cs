using ContestSite.Core.Contests;
using ContestSite.Core.Judging;
using ContestSite.Data;
using ContestSite.Web.Certificates.UseCases;
using ContestSite.Web.Judging;
using ContestSite.Web.Seasons;
using ContestSite.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ContestSite.Web.Certificates.Admin;

/// <summary>A round's certificates for organizers: each with its code, status and download, and revocation with a reason.</summary>
[RequirePermission(JudgingPermissions.Manage)]
public sealed class RoundModel(ContestDbContext db, CurrentContest current, IStringLocalizerFactory localizers) : ContestPageModel(localizers)
{
    public Round Round { get; private set; } = null!;
    public IReadOnlyList<Certificate> Certificates { get; private set; } = [];
    /// <summary>The published awards of the round that have no certificate yet (issued when the results become final).</summary>
    public int AwaitingIssue { get; private set; }

    public async Task<IActionResult> OnGetAsync([FromRoute] int id) => await LoadAsync(id) ?? Page();

    public async Task<IActionResult> OnPostRevokeAsync([FromRoute] int id, int certificateId, string? reason, [FromServices] RevokeCertificate revoke)
    {
        if (await LoadAsync(id) is { } notFound) return notFound;
        var result = await revoke.RevokeAsync(Round, certificateId, reason, HttpContext.RequestAborted);
        if (result.Allowed)
        {
            Announce("证书已撤销，已通知该团队。");
            return Redirect($"/admin/judging/rounds/{id}/certificates");
        }
        ShowRefusal(result);
        return await LoadAsync(id) ?? Page();
    }

    private async Task<IActionResult?> LoadAsync(int id)
    {
        Contest = await current.FindAsync(HttpContext.RequestAborted);
        var round = Contest?.Rounds.FirstOrDefault(r => r.Id == id);
        if (round is null) return NotFound();
        Round = round;
        Certificates = await db.Certificates.AsNoTracking().Where(c => db.Awards.Any(a => a.Id == c.AwardId && a.RoundId == id))
            .OrderBy(c => c.Id).ToListAsync(HttpContext.RequestAborted);
        AwaitingIssue = await db.Awards.CountAsync(a => a.RoundId == id && a.PublishedAt != null && !db.Certificates.Any(c => c.AwardId == a.Id), HttpContext.RequestAborted);
        return null;
    }
}
