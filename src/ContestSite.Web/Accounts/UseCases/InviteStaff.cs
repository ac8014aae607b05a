using ContestSite.Core.Rules;
using ContestSite.Data;
using ContestSite.Data.Accounts;
using ContestSite.Web.Accounts.Invitations;
using ContestSite.Web.Audit;
using ContestSite.Web.Hosting;
using ContestSite.Web.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ContestSite.Web.Accounts.UseCases;

/// <summary>What an invitation round came to: how many were invited, or every line that stopped it (nothing is stored then).</summary>
public sealed record InviteOutcome(int Invited, IReadOnlyList<RuleResult> Refusals);

/// <summary>
/// Invites people to a role by mail: all of the list or none. A line is refused for its format, for repeating an
/// address, for the address of a disabled account, for an account that has the role already, and for an address that
/// has a pending invitation to the role (that one is resent from the list instead, so nobody gets two working links).
/// </summary>
public sealed class InviteStaff(ContestDbContext db, UserManager<SiteUser> users, RoleManager<SiteRole> roles, InvitationEmails emails, IAuditLog audit,
    IOptions<InvitationOptions> options, TimeProvider clock, PublicUrls urls)
{
    public async Task<InviteOutcome> RunAsync(string role, IReadOnlyList<Invitee> invitees, string inviterId, string inviterCulture, CancellationToken cancellationToken = default)
    {
        if (role == BuiltInRoles.Anonymous || await roles.FindByNameAsync(role) is null) return Refused(RuleResult.Refuse("所选角色不存在。"));
        if (InviteeList.Check(invitees) is { Count: > 0 } malformed) return new(0, malformed);
        var inviter = await users.FindByIdAsync(inviterId) ?? throw new InvalidOperationException("The inviter has no account.");
        var now = clock.GetUtcNow();

        var normalized = invitees.Select(i => users.NormalizeEmail(i.Email)).ToList();
        var accounts = await db.Users.AsNoTracking().Where(u => normalized.Contains(u.NormalizedEmail!)).ToDictionaryAsync(u => u.NormalizedEmail!, cancellationToken);
        var roleId = (await roles.FindByNameAsync(role))!.Id;
        var holders = await db.UserRoles.Where(ur => ur.RoleId == roleId).Select(ur => ur.UserId).ToListAsync(cancellationToken);
        var pending = await db.Invitations.Where(i => normalized.Contains(i.NormalizedEmail) && i.Role == role && i.Status == InvitationStatus.Pending).ToListAsync(cancellationToken);

        var problems = new List<RuleResult>();
        foreach (var (invitee, key) in invitees.Zip(normalized))
        {
            var account = accounts.GetValueOrDefault(key);
            if (account is { IsDisabled: true }) problems.Add(RuleResult.Refuse("第 {0} 行：{1} 的账号已停用，不能邀请", invitee.Line, invitee.Email));
            else if (account is not null && holders.Contains(account.Id)) problems.Add(RuleResult.Refuse("第 {0} 行：{1} 已经是{2}", invitee.Line, invitee.Email, new LocalText(InvitationRoles.Label(role))));
            else if (pending.Any(p => p.NormalizedEmail == key && p.StatusAt(now) == InvitationStatus.Pending))
                problems.Add(RuleResult.Refuse("第 {0} 行：{1} 已有待接受的邀请，请在邀请列表中“重新发送”", invitee.Line, invitee.Email));
        }
        if (problems.Count > 0) return new(0, problems);

        var expiry = TimeSpan.FromDays(options.Value.ExpiryDays);
        await db.InTransactionAsync(async () =>
        {
            // A pending invitation past its expiry is closed by the new one, so an address has one pending invitation per role.
            foreach (var old in pending) old.Status = InvitationStatus.Expired;
            foreach (var (invitee, key) in invitees.Zip(normalized))
            {
                var token = InvitationTokens.New();
                var invitation = new Invitation
                {
                    Email = invitee.Email, NormalizedEmail = key, Role = role, Name = invitee.Name, Organization = invitee.Organization, Expertise = invitee.Expertise,
                    InvitedByUserId = inviter.Id, CreatedAt = now, ExpiresAt = now + expiry, LastSentAt = now, TokenHash = InvitationTokens.Hash(token),
                    Status = InvitationStatus.Pending,
                };
                db.Invitations.Add(invitation);
                var account = accounts.GetValueOrDefault(key);
                // The invitee's own language when they have an account; else the language the organizer works in.
                emails.Invite(invitation, account?.PreferredCulture ?? inviterCulture, account?.DisplayName, inviter.DisplayName, urls.Page("/Accounts/AcceptInvitation", new { token }));
                await audit.AppendAsync(() => new AuditEvent("account.invited", $"invitation:{invitation.Id}", "ok", $"email={invitation.Email}; role={role}"), cancellationToken);
            }
        }, cancellationToken);
        return new(invitees.Count, []);
    }

    private static InviteOutcome Refused(RuleResult refusal) => new(0, [refusal]);
}
