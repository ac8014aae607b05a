using ContestSite.Data;
using ContestSite.Data.Accounts;
using ContestSite.Web.Admin;
using ContestSite.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace ContestSite.Web.Accounts.Invitations;

/// <summary>
/// The organizers' inbox item "invitations not accepted": judge invitations for whoever manages judging (handled on
/// /admin/judging), the other roles' for whoever manages users. The two counts do not overlap, so an organizer who
/// sees both reads each pending invitation once. Expired invitations wait for nobody, so they are not counted.
/// </summary>
public sealed class PendingInvitationTasks(ContestDbContext db, TimeProvider clock) : IOrganizerTaskSource
{
    public const string Text = "邀请未接受：{0}";
    public const string JudgeText = "评委邀请未接受：{0}";

    public async Task<IReadOnlyList<OrganizerTask>> PendingAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var counts = await db.Invitations.AsNoTracking().Where(i => i.Status == InvitationStatus.Pending && i.ExpiresAt > now)
            .GroupBy(i => i.Role == BuiltInRoles.Judge).Select(g => new { Judges = g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        int Count(bool judges) => counts.SingleOrDefault(c => c.Judges == judges)?.Count ?? 0;
        return
        [
            new OrganizerTask("accounts.invitations.judges", JudgeText, Count(true), "/admin/judging#invitations", Judging.JudgingPermissions.Manage),
            new OrganizerTask("accounts.invitations.staff", Text, Count(false), "/admin/invitations", AccountPermissions.ManageUsers),
        ];
    }
}
