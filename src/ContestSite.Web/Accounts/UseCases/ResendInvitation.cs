using ContestSite.Core.Rules;
using ContestSite.Data;
using ContestSite.Data.Accounts;
using ContestSite.Web.Accounts.Invitations;
using ContestSite.Web.Audit;
using ContestSite.Web.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ContestSite.Web.Accounts.UseCases;

/// <summary>
/// Sends a pending (or expired) invitation again with a new token and a new expiry: the link of the earlier mail
/// stops working at once. Accepted and revoked invitations are not resent; a new invitation is made instead.
/// </summary>
public sealed class ResendInvitation(ContestDbContext db, UserManager<SiteUser> users, InvitationEmails emails, IAuditLog audit,
    IOptions<InvitationOptions> options, TimeProvider clock, PublicUrls urls)
{
    private static readonly RuleResult AcceptedOrRevoked = RuleResult.Refuse("该邀请已被接受或已撤销，不能重新发送。");

    /// <summary>Null when there is no such invitation.</summary>
    public async Task<RuleResult?> RunAsync(int invitationId, string actingUserId, string actingCulture, CancellationToken cancellationToken = default)
    {
        var invitation = await db.Invitations.AsNoTracking().SingleOrDefaultAsync(i => i.Id == invitationId, cancellationToken);
        if (invitation is null) return null;
        if (invitation.Status is InvitationStatus.Accepted or InvitationStatus.Revoked) return AcceptedOrRevoked;
        var account = await users.FindByEmailAsync(invitation.Email);
        if (account is { IsDisabled: true }) return RuleResult.Refuse("{0} 的账号已停用，不能邀请", invitation.Email);
        var inviter = await users.FindByIdAsync(actingUserId) ?? throw new InvalidOperationException("The acting user has no account.");
        var now = clock.GetUtcNow();
        var token = InvitationTokens.New();
        var (oldHash, resent, expires) = (invitation.TokenHash, invitation.ResentCount + 1, now + TimeSpan.FromDays(options.Value.ExpiryDays));
        return await db.InTransactionAsync(async () =>
        {
            // Conditional on the token it replaces: an acceptance (or another resend) committed meanwhile wins, and this changes nothing.
            var replaced = await db.Invitations
                .Where(i => i.Id == invitationId && i.TokenHash == oldHash && (i.Status == InvitationStatus.Pending || i.Status == InvitationStatus.Expired))
                .ExecuteUpdateAsync(s => s.SetProperty(i => i.TokenHash, InvitationTokens.Hash(token)).SetProperty(i => i.Status, InvitationStatus.Pending)
                    .SetProperty(i => i.ExpiresAt, expires).SetProperty(i => i.ResentCount, resent).SetProperty(i => i.LastSentAt, now), cancellationToken);
            if (replaced == 0) return AcceptedOrRevoked;
            invitation.ExpiresAt = expires;
            emails.Invite(invitation, account?.PreferredCulture ?? actingCulture, account?.DisplayName, inviter.DisplayName, urls.Page("/Accounts/AcceptInvitation", new { token }));
            await audit.AppendAsync(new AuditEvent("account.invitation-resent", $"invitation:{invitation.Id}", "ok",
                $"email={invitation.Email}; role={invitation.Role}; resent={resent}"), cancellationToken);
            return RuleResult.Ok;
        }, cancellationToken);
    }
}
