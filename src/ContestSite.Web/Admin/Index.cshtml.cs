using ContestSite.Data;
using ContestSite.Web.Security;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ContestSite.Web.Admin;

[RequirePermission(AdminPermissions.AccessAdmin)]
public sealed class AdminIndexModel(ContestDbContext db) : PageModel
{
    public int Users { get; private set; }
    public string? ContestName { get; private set; }
    public int PendingMail { get; private set; }
    public int FailedMail { get; private set; }
    public long AuditEntries { get; private set; }

    public async Task OnGetAsync()
    {
        Users = await db.Users.CountAsync();
        ContestName = await db.Contests.Where(c => c.IsCurrent).Select(c => c.Name).FirstOrDefaultAsync();
        PendingMail = await db.Outbox.CountAsync(m => m.SentAt == null && m.FailedAt == null);
        FailedMail = await db.Outbox.CountAsync(m => m.FailedAt != null);
        AuditEntries = await db.AuditEntries.LongCountAsync();
    }
}
