using System.Text.Json;
using ContestSite.Data.Accounts;
using ContestSite.Web.Security;
using Microsoft.AspNetCore.Identity;

namespace ContestSite.Web.Setup;

/// <summary>
/// <c>{"step":"roles","roles":[{"name":"Judge","description":"…","permissions":["judging.score"]}]}</c>:
/// creates the roles and sets each one's permissions to exactly those listed.
/// </summary>
public sealed class RolesStep(RoleManager<SiteRole> roles, PermissionRegistry registry, AnonymousPermissions anonymous) : IRecipeStep
{
    public string Name => "roles";

    public async Task ExecuteAsync(JsonElement step, RecipeContext context, CancellationToken cancellationToken)
    {
        foreach (var item in RecipeJson.Array(step, "roles"))
        {
            var name = RecipeJson.RequiredString(item, "name", Name);
            var wanted = RecipeJson.Array(item, "permissions").Select(p => p.GetString() ?? "").ToHashSet(StringComparer.Ordinal);
            var unknown = wanted.Where(p => !registry.Exists(p)).ToList();
            if (unknown.Count > 0) throw new RecipeStepException($"角色 {name} 含有未知权限：{string.Join(", ", unknown)}");

            var role = await roles.FindByNameAsync(name);
            if (role is null)
            {
                role = new SiteRole(name) { IsBuiltIn = BuiltInRoles.All.Contains(name) };
                Check(await roles.CreateAsync(role), name);
            }
            role.Description = RecipeJson.OptionalString(item, "description") ?? role.Description;
            Check(await roles.UpdateAsync(role), name);
            await RolePermissions.SetAsync(roles, role, wanted);
        }
        anonymous.Forget();
    }

    private static void Check(IdentityResult result, string role)
    {
        if (!result.Succeeded) throw new RecipeStepException($"角色 {role}：{string.Join("; ", result.Errors.Select(e => e.Description))}");
    }
}
