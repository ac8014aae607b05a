using ContestSite.Data;
using ContestSite.Core.Rules;
using ContestSite.Data.Accounts;
using ContestSite.Web.Audit;
using ContestSite.Web.Security;
using ContestSite.Web.Setup;
using Microsoft.AspNetCore.Identity;

namespace ContestSite.Web.Accounts.UseCases;

/// <summary>Sets a role's description and exactly the granted permissions.</summary>
public sealed class SaveRolePermissions(ContestDbContext db, RoleManager<SiteRole> roles, PermissionRegistry registry, AnonymousPermissions anonymous, IAuditLog audit)
{
    /// <summary>Null when there is no such role.</summary>
    public async Task<RuleResult?> SaveAsync(string roleName, string? description, IReadOnlyCollection<string> granted)
    {
        var role = await roles.FindByNameAsync(roleName);
        if (role is null) return null;
        var unknown = granted.Where(p => !registry.Exists(p)).ToList();
        if (unknown.Count > 0) return RuleResult.Refuse("未知权限：{0}", string.Join(", ", unknown));
        var wanted = granted.ToHashSet(StringComparer.Ordinal);
        if (role.Name == BuiltInRoles.Organizer && !wanted.Contains(AccountPermissions.ManageRoles))
            return RuleResult.Refuse("组织者角色必须保留“管理角色及其权限”，否则无人能再修改角色。");
        var before = await RolePermissions.GetAsync(roles, role);
        await db.InTransactionAsync(async () =>
        {
            role.Description = description?.Trim();
            await roles.UpdateAsync(role);
            await RolePermissions.SetAsync(roles, role, wanted);
            // Members' cookies carry the permissions; the security-stamp check rebuilds them within a minute.
            await audit.AppendAsync(new AuditEvent("account.role-permissions-changed", $"role:{role.Name}", "ok",
                $"added: {string.Join(",", wanted.Except(before))}; removed: {string.Join(",", before.Except(wanted))}"));
        });
        anonymous.Forget();
        return RuleResult.Ok;
    }
}
