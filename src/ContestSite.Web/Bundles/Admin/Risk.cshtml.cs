using System.Security.Claims;
using ContestSite.Core.Bundles;
using ContestSite.Data;
using ContestSite.Web.Bundles.UseCases;
using ContestSite.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace ContestSite.Web.Bundles.Admin;

/// <summary>风险预警: the accounts and teams whose downloads passed the thresholds, and clearing them.</summary>
[RequirePermission(BundlePermissions.ManageBundles)]
public sealed class RiskModel(ContestDbContext db, IOptions<BundleOptions> options, IStringLocalizerFactory localizers) : ContestPageModel(localizers)
{
    public sealed record Row(RiskFlag Flag, string? Email, string? TeamName);

    public BundleOptions Limits => options.Value;
    public IReadOnlyList<Row> Active { get; private set; } = [];

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostClearAsync(int flagId, [FromServices] ClearRiskFlag clear)
    {
        var result = await clear.RunAsync(flagId, User.FindFirstValue(ClaimTypes.NameIdentifier)!);
        if (result.Allowed)
        {
            Announce("预警已解除，该账号和团队可以继续下载受限开放数据。");
            return Redirect("/admin/data-risk");
        }
        ShowRefusal(result);
        await LoadAsync();
        return Page();
    }

    private async Task LoadAsync()
    {
        Active = await db.RiskFlags.AsNoTracking().Where(f => f.ClearedAt == null).OrderByDescending(f => f.RaisedAt).Take(200)
            .Select(f => new Row(f, db.Users.Where(u => u.Id == f.UserId).Select(u => u.Email).FirstOrDefault(),
                db.Teams.Where(t => t.Id == f.TeamId).Select(t => t.Name).FirstOrDefault()))
            .ToListAsync();
    }
}
