using ContestSite.Data;
using ContestSite.Core.Rules;
using ContestSite.Data.Accounts;
using ContestSite.Web.Audit;
using Microsoft.AspNetCore.Identity;

namespace ContestSite.Web.Accounts.UseCases;

/// <summary>Deletes a role the site did not create itself.</summary>
public sealed class DeleteRole(ContestDbContext db, RoleManager<SiteRole> roles, IAuditLog audit)
{
    /// <summary>Null when there is no such role.</summary>
    public async Task<RuleResult?> DeleteAsync(string roleName)
    {
        var role = await roles.FindByNameAsync(roleName);
        if (role is null) return null;
        if (role.IsBuiltIn) return RuleResult.Refuse("内置角色不能删除。");
        await db.InTransactionAsync(async () =>
        {
            await roles.DeleteAsync(role);
            await audit.AppendAsync(new AuditEvent("account.role-deleted", $"role:{role.Name}", "ok"));
        });
        return RuleResult.Ok;
    }
}
