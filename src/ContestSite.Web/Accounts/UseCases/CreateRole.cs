using ContestSite.Data;
using ContestSite.Data.Accounts;
using ContestSite.Web.Audit;
using Microsoft.AspNetCore.Identity;

namespace ContestSite.Web.Accounts.UseCases;

/// <summary>Adds a role with no permissions yet.</summary>
public sealed class CreateRole(ContestDbContext db, RoleManager<SiteRole> roles, IAuditLog audit)
{
    /// <summary>Identity's reasons when the role cannot be made (a name already taken), in the visitor's language.</summary>
    public async Task<IReadOnlyList<string>> CreateAsync(string name)
    {
        var trimmed = name.Trim();
        return await db.InTransactionAsync<IReadOnlyList<string>>(async () =>
        {
            var result = await roles.CreateAsync(new SiteRole(trimmed));
            if (!result.Succeeded) return result.Errors.Select(e => e.Description).ToList();
            await audit.AppendAsync(new AuditEvent("account.role-created", $"role:{trimmed}", "ok"));
            return [];
        });
    }
}
