using System.ComponentModel.DataAnnotations;
using ContestSite.Data;
using ContestSite.Web.Accounts.UseCases;
using ContestSite.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ContestSite.Web.Accounts.Admin;

[RequirePermission(AccountPermissions.ManageRoles)]
public sealed class RolesModel(ContestDbContext db) : PageModel
{
    public IReadOnlyList<RoleRow> Rows { get; private set; } = [];

    [BindProperty, Required(ErrorMessage = "请填写角色名称"), StringLength(64, ErrorMessage = "角色名称不能超过 64 个字符"),
     RegularExpression(@"^[\p{L}\p{N} _-]+$", ErrorMessage = "角色名称只能包含文字、数字、空格、下划线和连字符")]
    public string NewRoleName { get; set; } = "";

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostAsync([FromServices] CreateRole create)
    {
        if (ModelState.IsValid)
        {
            var problems = await create.CreateAsync(NewRoleName);
            if (problems.Count == 0) return Redirect($"/admin/roles/{Uri.EscapeDataString(NewRoleName.Trim())}");
            foreach (var problem in problems) ModelState.AddModelError(nameof(NewRoleName), problem);
        }
        await LoadAsync();
        return Page();
    }

    private async Task LoadAsync()
    {
        Rows = await db.Roles.OrderBy(r => r.Name).Select(r => new RoleRow(r.Name!, r.Description, r.IsBuiltIn,
            db.RoleClaims.Count(c => c.RoleId == r.Id && c.ClaimType == PermissionPolicies.ClaimType),
            db.UserRoles.Count(u => u.RoleId == r.Id))).ToListAsync();
    }

    public sealed record RoleRow(string Name, string? Description, bool IsBuiltIn, int Permissions, int Users);
}
