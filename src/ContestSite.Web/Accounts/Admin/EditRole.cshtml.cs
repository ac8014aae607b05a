using ContestSite.Core.Security;
using ContestSite.Data.Accounts;
using ContestSite.Web.Accounts.UseCases;
using ContestSite.Web.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace ContestSite.Web.Accounts.Admin;

/// <summary>The permission grid of one role, by category, with what other granted permissions imply.</summary>
[RequirePermission(AccountPermissions.ManageRoles)]
public sealed class EditRoleModel(RoleManager<SiteRole> roles, PermissionRegistry registry, IStringLocalizerFactory localizers) : PageModel
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

    public async Task<IActionResult> OnPostAsync([FromServices] SaveRolePermissions save)
    {
        var result = await save.SaveAsync(Name, Description, Granted);
        if (result is null) return NotFound();
        if (result.Allowed)
        {
            TempData["Notice"] = _t["角色已保存。"].Value;
            return Redirect($"/admin/roles/{Uri.EscapeDataString(Name)}");
        }
        IsBuiltIn = (await roles.FindByNameAsync(Name))?.IsBuiltIn ?? false;
        ModelState.AddModelError(string.Empty, _t[result.Message!, result.Arguments].Value);
        Effective = ComputeEffective(Granted);
        return Page();
    }

    public async Task<IActionResult> OnPostDeleteAsync([FromServices] DeleteRole delete)
    {
        var result = await delete.DeleteAsync(Name);
        if (result is null) return NotFound();
        if (result.Allowed) return Redirect("/admin/roles");
        TempData["Notice"] = _t[result.Message!, result.Arguments].Value;
        return Redirect($"/admin/roles/{Uri.EscapeDataString(Name)}");
    }

    private HashSet<string> ComputeEffective(IEnumerable<string> granted)
    {
        var grantedSet = granted.ToHashSet(StringComparer.Ordinal);
        return registry.All.Where(p => registry.Granting(p.Name).Overlaps(grantedSet)).Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
    }
}
