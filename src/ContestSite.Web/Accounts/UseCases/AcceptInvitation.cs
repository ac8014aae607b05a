using ContestSite.Core.Judging;
using ContestSite.Core.Rules;
using ContestSite.Data;
using ContestSite.Data.Accounts;
using ContestSite.Web.Accounts.Invitations;
using ContestSite.Web.Accounts.Sessions;
using ContestSite.Web.Audit;
using ContestSite.Web.Localization;
using ContestSite.Web.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace ContestSite.Web.Accounts.UseCases;

/// <summary>An invitation as its link finds it: refused (with why), or open for <see cref="Account"/> (null: a new address).</summary>
public sealed record InvitationLookup(RuleResult State, Invitation? Invitation, SiteUser? Account);

/// <summary>What accepting came to: refused with messages, or accepted by <see cref="UserId"/> (signed in when the account is new).</summary>
public sealed record AcceptOutcome(IReadOnlyList<RuleResult> Refusals, string? UserId = null, string? Role = null)
{
    public bool Accepted => Refusals.Count == 0;
}

/// <summary>
/// Accepts an invitation from its mailed link. A new address becomes an account with the invited role (its address is
/// confirmed: the link proves it), signed in at once; an existing account must be signed in as the invited address and
/// gets the role added, effective at its next request. The link works once: the invitation is claimed by a conditional
/// update before anything else, so of two accepts at the same moment one wins and the other changes nothing.
/// </summary>
public sealed class AcceptInvitation(ContestDbContext db, UserManager<SiteUser> users, UserSessions sessions, IAuditLog audit, TimeProvider clock)
{
    public static readonly RuleResult Unknown = RuleResult.Refuse("邀请链接无效：链接不完整，或邀请已重新发送（旧链接随之失效）。");
    public static readonly RuleResult AlreadyAccepted = RuleResult.Refuse("此邀请已被接受，链接不能再次使用。");
    public static readonly RuleResult Revoked = RuleResult.Refuse("此邀请已被组委会撤销。");
    public static readonly RuleResult Disabled = RuleResult.Refuse("该邮箱的账号已停用，不能接受邀请。");
    public static readonly RuleResult SomeoneElse = RuleResult.Refuse("您当前登录的账号不是此邀请的收件邮箱，不能接受发给他人的邀请。如果邀请发给的是您的另一个邮箱，请先退出登录。");

    public async Task<InvitationLookup> FindAsync(string? token, string? signedInUserId, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 100) return new(Unknown, null, null);
        var hash = InvitationTokens.Hash(token);
        var invitation = await db.Invitations.AsNoTracking().SingleOrDefaultAsync(i => i.TokenHash == hash, cancellationToken);
        if (invitation is null) return new(Unknown, null, null);
        var account = await users.FindByEmailAsync(invitation.Email);
        var state = invitation.StatusAt(clock.GetUtcNow()) switch
        {
            InvitationStatus.Accepted => AlreadyAccepted,
            InvitationStatus.Revoked => Revoked,
            InvitationStatus.Expired => RuleResult.Refuse("此邀请已于 {0} 过期，请联系组委会重新发送。", invitation.ExpiresAt),
            _ when account is { IsDisabled: true } => Disabled,
            _ when signedInUserId is not null && signedInUserId != account?.Id => SomeoneElse,
            _ => RuleResult.Ok,
        };
        return new(state, invitation, account);
    }

    /// <param name="displayName">For a new account: its display name.</param>
    /// <param name="password">For a new account: its password.</param>
    /// <param name="culture">For a new account: the language of its mail (the page's).</param>
    public async Task<AcceptOutcome> AcceptAsync(string? token, string? signedInUserId, string? displayName, string? password, string culture, CancellationToken cancellationToken = default)
    {
        var found = await FindAsync(token, signedInUserId, cancellationToken);
        if (!found.State.Allowed) return new([found.State]);
        var invitation = found.Invitation!;
        if (found.Account is { } account)
            return signedInUserId is null ? new([RuleResult.Refuse("请先用 {0} 登录，再接受邀请。", invitation.Email)]) : await AddRoleAsync(invitation, account, cancellationToken);
        return await CreateAccountAsync(invitation, displayName?.Trim() ?? "", password ?? "", culture, cancellationToken);
    }

    private async Task<AcceptOutcome> AddRoleAsync(Invitation invitation, SiteUser account, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var accepted = await db.InTransactionAsync(async () =>
        {
            if (!await ClaimAsync(invitation, account.Id, now, cancellationToken)) return false;
            // The role changes the account's version: the session check rebuilds the person's cookie on their next request.
            if (!await users.IsInRoleAsync(account, invitation.Role)) Require(await users.AddToRoleAsync(account, invitation.Role));
            await PrefillJudgeProfileAsync(invitation, account.Id, now, cancellationToken);
            await audit.AppendAsync(Accepted(invitation, account, "existing-account"), cancellationToken);
            return true;
        }, cancellationToken);
        return accepted ? new([], account.Id, invitation.Role) : new([AlreadyAccepted]);
    }

    private async Task<AcceptOutcome> CreateAccountAsync(Invitation invitation, string displayName, string password, string culture, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (displayName.Length is 0 or > 32) return new([RuleResult.Refuse("昵称须为 1 到 32 个字符")]);
        var user = new SiteUser
        {
            UserName = invitation.Email, Email = invitation.Email, EmailConfirmed = true, DisplayName = displayName,
            PreferredCulture = SiteCultures.IsSupported(culture) ? culture : SiteCultures.Chinese, CreatedAt = now,
        };
        var weak = new List<RuleResult>();
        foreach (var validator in users.PasswordValidators)
            weak.AddRange((await validator.ValidateAsync(users, user, password)).Errors.Select(e => RuleResult.Refuse(e.Description)));
        if (weak.Count > 0) return new(weak);

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // Claimed before the account exists (the accepted account is linked right after), so a second accept waits here and loses.
        if (!await ClaimAsync(invitation, null, now, cancellationToken)) return new([AlreadyAccepted]);
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            // The address got an account meanwhile (someone registered it): nothing of this accept stays.
            await transaction.RollbackAsync(cancellationToken);
            db.ChangeTracker.Clear();
            return new(created.Errors.Select(e => RuleResult.Refuse(e.Description)).ToList());
        }
        Require(await users.AddToRoleAsync(user, invitation.Role));
        await db.Invitations.Where(i => i.Id == invitation.Id).ExecuteUpdateAsync(s => s.SetProperty(i => i.AcceptedUserId, user.Id), cancellationToken);
        await PrefillJudgeProfileAsync(invitation, user.Id, now, cancellationToken);
        await audit.AppendAsync(Accepted(invitation, user, "new-account"), cancellationToken);
        await sessions.SignInAsync(user, persistent: false);
        await transaction.CommitAsync(cancellationToken);
        return new([], user.Id, invitation.Role);
    }

    /// <summary>Marks the invitation accepted if it still is pending under this token and unexpired; false when another request got there first.</summary>
    private async Task<bool> ClaimAsync(Invitation invitation, string? userId, DateTimeOffset now, CancellationToken cancellationToken) =>
        await db.Invitations
            .Where(i => i.Id == invitation.Id && i.TokenHash == invitation.TokenHash && i.Status == InvitationStatus.Pending && i.ExpiresAt > now)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.Status, InvitationStatus.Accepted).SetProperty(i => i.AcceptedAt, now).SetProperty(i => i.AcceptedUserId, userId), cancellationToken) == 1;

    /// <summary>A judge finds what the organizer wrote already in their profile; what they wrote themselves is kept.</summary>
    private async Task PrefillJudgeProfileAsync(Invitation invitation, string userId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (invitation.Role != BuiltInRoles.Judge || (invitation.Organization is null && invitation.Expertise is null)) return;
        var profile = await db.JudgeProfiles.SingleOrDefaultAsync(p => p.UserId == userId, cancellationToken);
        if (profile is null) db.JudgeProfiles.Add(profile = new JudgeProfile { UserId = userId });
        profile.Organization ??= invitation.Organization;
        profile.ExpertiseTags ??= invitation.Expertise is null ? null : JudgeTags.Join(JudgeTags.Split(invitation.Expertise));
        profile.UpdatedAt = now;
    }

    private static AuditEvent Accepted(Invitation invitation, SiteUser user, string how) =>
        new("account.invitation-accepted", $"invitation:{invitation.Id}", "ok", $"email={invitation.Email}; role={invitation.Role}; {how}; user:{user.Id}")
        {
            ActorId = user.Id, ActorName = user.Email,
        };

    private static void Require(IdentityResult result)
    {
        if (!result.Succeeded) throw new InvalidOperationException("Adding the invited role failed: " + string.Join("; ", result.Errors.Select(e => e.Code)));
    }
}
