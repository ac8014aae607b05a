using ContestSite.Core.Bundles;
using ContestSite.Data;
using ContestSite.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ContestSite.Web.Bundles.Admin;

/// <summary>Applications for restricted data, by status, newest first, a page at a time.</summary>
[RequirePermission(BundlePermissions.DecideApplications)]
public sealed class ApplicationsModel(ContestDbContext db) : PageModel
{
    public const int PageSize = 50;

    [FromQuery] public ApplicationStatus Status { get; set; } = ApplicationStatus.Pending;
    [FromQuery(Name = "page")] public int PageNumber { get; set; } = 1;
    public IReadOnlyList<ApplicationRow> Rows { get; private set; } = [];
    public bool HasMore { get; private set; }

    public async Task OnGetAsync()
    {
        PageNumber = Math.Max(1, PageNumber);
        var rows = await db.Rows(db.AccessApplications.AsNoTracking().Where(a => a.Status == Status))
            .OrderByDescending(r => r.Application.SubmittedAt).Skip((PageNumber - 1) * PageSize).Take(PageSize + 1).ToListAsync();
        HasMore = rows.Count > PageSize;
        Rows = rows.Take(PageSize).ToList();
    }
}
