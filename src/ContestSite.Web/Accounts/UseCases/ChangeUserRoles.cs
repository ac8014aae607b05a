using ContestSite.Data;
using ContestSite.Core.Rules;
using ContestSite.Data.Accounts;
using ContestSite.Web.Audit;
using ContestSite.Web.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace ContestSite.Web.Accounts.UseCases;

/// <summary>Gives an account exactly the chosen roles; an organizer cannot take the organizer role from themselves.</summary>
public sealed class ChangeUserRoles(ContestDbContext db, UserManager<SiteUser> users, RoleManager<SiteRole> roles, IAuditLog audit)
{
    public const string KeepOwnOrganizerRole = "不能移除自己的组织者角色，以免无人能管理站点。";

    /// <summary>Null when there is no such account.</summary>
    public async Task<RuleResult?> ChangeAsync(string userId, IReadOnlyCollection<string> chosen, string actingUserId)
    {
        var user = await users.FindByIdAsync(userId);
        if (user is null) return null;
        var existing = (await roles.Roles.Where(r => r.Name != BuiltInRoles.Anonymous).Select(r => r.Name!).ToListAsync()).ToHashSet(StringComparer.Ordinal);
        if (chosen.Any(r => !existing.Contains(r))) return RuleResult.Refuse("所选角色不存在。");
        var wanted = chosen.ToHashSet(StringComparer.Ordinal);
        var current = (await users.GetRolesAsync(user)).ToHashSet(StringComparer.Ordinal);
        if (user.Id == actingUserId && current.Contains(BuiltInRoles.Organizer) && !wanted.Contains(BuiltInRoles.Organizer))
            return RuleResult.Refuse(KeepOwnOrganizerRole);
        var removed = current.Except(wanted).ToList();
        var added = wanted.Except(current).ToList();
        await db.InTransactionAsync(async () =>
        {
            if (removed.Count > 0) await users.RemoveFromRolesAsync(user, removed);
            if (added.Count > 0) await users.AddToRolesAsync(user, added);
            // The new roles change the account's version: the session check rebuilds the person's cookie on their next request.
            await audit.AppendAsync(new AuditEvent("account.roles-changed", $"user:{user.Id}", "ok",
                $"added: {string.Join(",", added)}; removed: {string.Join(",", removed)}"));
        });
        return RuleResult.Ok;
    }
}
