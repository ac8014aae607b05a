using ContestSite.Core.Security;
using ContestSite.Data.Accounts;
using ContestSite.Web.Audit;
using ContestSite.Web.Security;
using ContestSite.Web.Setup;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace ContestSite.Web.Accounts.Admin;

/// <summary>The permission grid of one role, by category, with what other granted permissions imply.</summary>
[RequirePermission(AccountPermissions.ManageRoles)]
public sealed class EditRoleModel(RoleManager<SiteRole> roles, PermissionRegistry registry, AnonymousPermissions anonymous,
    IAuditLog audit, IStringLocalizerFactory localizers) : PageModel
{
    private readonly IStringLocalizer _t = localizers.Create(typeof(EditRoleModel));

    [BindProperty(SupportsGet = true)] public string Name { get; set; } = "";
    [BindProperty] public string? Description { get; set; }
    [BindProperty] public List<string> Granted { get; set; } = [];
    public bool IsBuiltIn { get; private set; }
    public IReadOnlySet<string> Effective { get; private set; } = new HashSet<string>();
    public IEnumerable<IGrouping<string, Permission>> Categories =>
        registry.All.OrderBy(p => p.Category, StringComparer.Ordinal).ThenBy(p => p.Name, StringComparer.Ordinal).GroupBy(p => p.Category);

    public async Task<IActionResult> OnGetAsync()
    {
        var role = await roles.FindByNameAsync(Name);
        if (role is null) return NotFound();
        (IsBuiltIn, Description) = (role.IsBuiltIn, role.Description);
        Granted = (await RolePermissions.GetAsync(roles, role)).ToList();
        Effective = ComputeEffective(Granted);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var role = await roles.FindByNameAsync(Name);
        if (role is null) return NotFound();
        IsBuiltIn = role.IsBuiltIn;
        var unknown = Granted.Where(p => !registry.Exists(p)).ToList();
        if (unknown.Count > 0)
        {
            ModelState.AddModelError(string.Empty, _t["未知权限：{0}", string.Join(", ", unknown)].Value);
            Effective = ComputeEffective(Granted);
            return Page();
        }
        var wanted = Granted.ToHashSet(StringComparer.Ordinal);
        if (role.Name == BuiltInRoles.Organizer && !wanted.Contains(AccountPermissions.ManageRoles))
        {
            ModelState.AddModelError(string.Empty, _t["组织者角色必须保留“管理角色及其权限”，否则无人能再修改角色。"].Value);
            Effective = ComputeEffective(Granted);
            return Page();
        }
        var before = await RolePermissions.GetAsync(roles, role);
        role.Description = Description?.Trim();
        await roles.UpdateAsync(role);
        await RolePermissions.SetAsync(roles, role, wanted);
        anonymous.Forget();
        // Members' cookies carry the permissions; the security-stamp check rebuilds them within a minute.
        await audit.AppendAsync(new AuditEvent("account.role-permissions-changed", $"role:{role.Name}", "ok",
            $"added: {string.Join(",", wanted.Except(before))}; removed: {string.Join(",", before.Except(wanted))}"));
        TempData["Notice"] = _t["角色已保存。"].Value;
        return Redirect($"/admin/roles/{Uri.EscapeDataString(role.Name!)}");
    }

    public async Task<IActionResult> OnPostDeleteAsync()
    {
        var role = await roles.FindByNameAsync(Name);
        if (role is null) return NotFound();
        if (role.IsBuiltIn)
        {
            TempData["Notice"] = _t["内置角色不能删除。"].Value;
            return Redirect($"/admin/roles/{Uri.EscapeDataString(role.Name!)}");
        }
        await roles.DeleteAsync(role);
        await audit.AppendAsync(new AuditEvent("account.role-deleted", $"role:{role.Name}", "ok"));
        return Redirect("/admin/roles");
    }

    private HashSet<string> ComputeEffective(IEnumerable<string> granted)
    {
        var grantedSet = granted.ToHashSet(StringComparer.Ordinal);
        return registry.All.Where(p => registry.Granting(p.Name).Overlaps(grantedSet)).Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
    }
}
