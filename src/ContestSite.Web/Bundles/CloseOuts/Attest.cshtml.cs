using ContestSite.Core.Teams;
using ContestSite.Data;
using ContestSite.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ContestSite.Web.Bundles.CloseOuts;

/// <summary>/bundles/closeouts/{id}: a team's close-out (销毁): the files it received, and the captain's attestation form.</summary>
[RequirePermission(BundlePermissions.UseBundles)]
public sealed class AttestModel(ContestDbContext db, CloseOutViews views, TimeProvider clock, IStringLocalizerFactory localizers) : ContestPageModel(localizers)
{
    public CloseOutView View { get; private set; } = null!;
    public bool IsCaptain { get; private set; }
    public DateTimeOffset Now { get; private set; }
    public string Today { get; private set; } = "";
    [BindProperty] public List<int> Files { get; set; } = [];
    [BindProperty] public DateOnly? DeletedOn { get; set; }
    [BindProperty] public bool Confirmed { get; set; }

    public async Task<IActionResult> OnGetAsync(int id) => await LoadAsync(id) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(int id, [FromServices] AttestCloseOut attest)
    {
        var result = await attest.RunAsync(id, UserId, Files, DeletedOn, Confirmed);
        // Another team's close-out is not shown, whatever was posted.
        if (!await LoadAsync(id)) return NotFound();
        if (!result.Allowed)
        {
            ModelState.Remove(nameof(DeletedOn));
            ShowRefusal(result);
            return Page();
        }
        Announce("销毁声明已提交，感谢配合。");
        return Redirect($"/bundles/closeouts/{id}");
    }

    private async Task<bool> LoadAsync(int id)
    {
        var view = await views.FindAsync(id);
        if (view is null) return false;
        var role = await db.TeamMembers.AsNoTracking().Where(m => m.TeamId == view.CloseOut.TeamId && m.UserId == UserId).Select(m => (TeamRole?)m.Role).FirstOrDefaultAsync();
        if (role is null) return false;
        View = view;
        IsCaptain = role == TeamRole.Captain;
        Now = clock.GetUtcNow();
        Today = ContestTime.ToChina(Now).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        return true;
    }
}
