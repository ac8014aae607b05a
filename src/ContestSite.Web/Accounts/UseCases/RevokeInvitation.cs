using ContestSite.Core.Rules;
using ContestSite.Data;
using ContestSite.Data.Accounts;
using ContestSite.Web.Audit;
using Microsoft.EntityFrameworkCore;

namespace ContestSite.Web.Accounts.UseCases;

/// <summary>Withdraws an invitation that has not been accepted: its link stops working.</summary>
public sealed class RevokeInvitation(ContestDbContext db, IAuditLog audit, TimeProvider clock)
{
    /// <summary>Null when there is no such invitation.</summary>
    public async Task<RuleResult?> RunAsync(int invitationId, CancellationToken cancellationToken = default)
    {
        var invitation = await db.Invitations.SingleOrDefaultAsync(i => i.Id == invitationId, cancellationToken);
        if (invitation is null) return null;
        if (invitation.Status is InvitationStatus.Accepted or InvitationStatus.Revoked) return RuleResult.Refuse("该邀请已被接受或已撤销。");
        var now = clock.GetUtcNow();
        return await db.InTransactionAsync(async () =>
        {
            // Conditional, so an acceptance committed meanwhile is never turned into a revocation.
            var revoked = await db.Invitations.Where(i => i.Id == invitationId && (i.Status == InvitationStatus.Pending || i.Status == InvitationStatus.Expired))
                .ExecuteUpdateAsync(s => s.SetProperty(i => i.Status, InvitationStatus.Revoked).SetProperty(i => i.RevokedAt, now), cancellationToken);
            if (revoked == 0) return RuleResult.Refuse("该邀请已被接受或已撤销。");
            await audit.AppendAsync(new AuditEvent("account.invitation-revoked", $"invitation:{invitation.Id}", "ok", $"email={invitation.Email}; role={invitation.Role}"), cancellationToken);
            return RuleResult.Ok;
        }, cancellationToken);
    }
}
