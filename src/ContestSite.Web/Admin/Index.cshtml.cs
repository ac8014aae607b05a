using ContestSite.Data;
using ContestSite.Web.Security;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ContestSite.Web.Admin;

[RequirePermission(AdminPermissions.AccessAdmin)]
public sealed class AdminIndexModel(ContestDbContext db, OrganizerInbox inbox) : PageModel
{
    /// <summary>What waits for this organizer, urgent first; empty when all is handled.</summary>
    public IReadOnlyList<OrganizerTask> Tasks { get; private set; } = [];
    public int Users { get; private set; }
    public string? ContestName { get; private set; }
    public int PendingMail { get; private set; }
    public int FailedMail { get; private set; }
    public long AuditEntries { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Tasks = inbox.For(await inbox.AllAsync(cancellationToken), OrganizerInbox.PermissionsOf(User));
        Users = await db.Users.CountAsync(cancellationToken);
        ContestName = await db.Contests.Where(c => c.IsCurrent).Select(c => c.Name).FirstOrDefaultAsync(cancellationToken);
        PendingMail = await db.Outbox.CountAsync(m => m.SentAt == null && m.FailedAt == null, cancellationToken);
        FailedMail = await db.Outbox.CountAsync(m => m.FailedAt != null, cancellationToken);
        AuditEntries = await db.AuditEntries.LongCountAsync(cancellationToken);
    }
}
