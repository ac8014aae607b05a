using ContestSite.Data.Accounts;
using ContestSite.Web.Accounts.UseCases;
using ContestSite.Web.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ContestSite.Web.Accounts.Admin;

[RequirePermission(AccountPermissions.ManageUsers)]
public sealed class EditUserModel(UserManager<SiteUser> users, RoleManager<SiteRole> roles, TimeProvider clock, IStringLocalizerFactory localizers) : PageModel
{
    private readonly IStringLocalizer _t = localizers.Create(typeof(EditUserModel));

    [BindProperty(SupportsGet = true)] public string Id { get; set; } = "";
    [BindProperty] public List<string> SelectedRoles { get; set; } = [];
    public IReadOnlyList<string> AllRoles { get; private set; } = [];
    public string DisplayName { get; private set; } = "";
    public string Email { get; private set; } = "";
    public bool EmailConfirmed { get; private set; }
    public bool IsDisabled { get; private set; }
    public bool LockedOut { get; private set; }
    public bool TwoFactorEnabled { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.FindByIdAsync(Id);
        if (user is null) return NotFound();
        await LoadAsync(user);
        SelectedRoles = (await users.GetRolesAsync(user)).ToList();
        return Page();
    }

    public async Task<IActionResult> OnPostRolesAsync([FromServices] ChangeUserRoles change)
    {
        var result = await change.ChangeAsync(Id, SelectedRoles, users.GetUserId(User)!);
        if (result is null) return NotFound();
        if (result.Allowed)
        {
            TempData["Notice"] = _t["角色已保存。"].Value;
            return RedirectToPage(new { id = Id });
        }
        ModelState.AddModelError(string.Empty, _t[result.Message!, result.Arguments].Value);
        var user = await users.FindByIdAsync(Id);
        if (user is null) return NotFound();
        await LoadAsync(user);
        if (result.Message == ChangeUserRoles.KeepOwnOrganizerRole) SelectedRoles = (await users.GetRolesAsync(user)).ToList();
        return Page();
    }

    public async Task<IActionResult> OnPostToggleDisabledAsync([FromServices] SwitchAccountDisabled change)
    {
        var result = await change.SwitchAsync(Id, users.GetUserId(User)!);
        if (result is null) return NotFound();
        if (!result.Allowed) TempData["Notice"] = _t[result.Message!, result.Arguments].Value;
        return RedirectToPage(new { id = Id });
    }

    public async Task<IActionResult> OnPostUnlockAsync([FromServices] UnlockAccount unlock) =>
        await unlock.UnlockAsync(Id) ? RedirectToPage(new { id = Id }) : NotFound();

    public async Task<IActionResult> OnPostResetTwoFactorAsync([FromServices] ResetAuthenticator reset)
    {
        var result = await reset.ResetAsync(Id, users.GetUserId(User)!);
        if (result is null) return NotFound();
        TempData["Notice"] = result.Allowed ? _t["身份验证器已重置，该账号在所有设备上的登录已退出，并已邮件通知本人。"].Value : _t[result.Message!, result.Arguments].Value;
        return RedirectToPage(new { id = Id });
    }

    private async Task LoadAsync(SiteUser user)
    {
        AllRoles = await roles.Roles.Where(r => r.Name != BuiltInRoles.Anonymous).OrderBy(r => r.Name).Select(r => r.Name!).ToListAsync();
        (DisplayName, Email, EmailConfirmed, IsDisabled) = (user.DisplayName, user.Email ?? "", user.EmailConfirmed, user.IsDisabled);
        LockedOut = user.LockoutEnd > clock.GetUtcNow();
        TwoFactorEnabled = user.TwoFactorEnabled;
    }
}
