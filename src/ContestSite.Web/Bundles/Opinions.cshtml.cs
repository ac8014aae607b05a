using ContestSite.Core.Bundles;
using ContestSite.Data;
using ContestSite.Web.Security;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ContestSite.Web.Bundles;

/// <summary>For the expert committee: the applications on which the organizers asked for an opinion.</summary>
[RequirePermission(BundlePermissions.GiveOpinions)]
public sealed class OpinionsModel(ContestDbContext db, TimeProvider clock) : PageModel
{
    public DateTimeOffset Now { get; } = clock.GetUtcNow();
    public IReadOnlyList<ApplicationRow> Rows { get; private set; } = [];

    public async Task OnGetAsync() =>
        Rows = await db.Rows(db.AccessApplications.AsNoTracking().Include(a => a.Opinions)
                .Where(a => a.Status == ApplicationStatus.Pending && a.OpinionRequestedAt != null))
            .OrderBy(r => r.Application.OpinionDueAt).ThenBy(r => r.Application.OpinionRequestedAt).Take(200).ToListAsync();
}
