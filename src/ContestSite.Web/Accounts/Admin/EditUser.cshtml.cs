using ContestSite.Data.Accounts;
using ContestSite.Web.Accounts.Sessions;
using ContestSite.Web.Audit;
using ContestSite.Web.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ContestSite.Web.Accounts.Admin;

[RequirePermission(AccountPermissions.ManageUsers)]
public sealed class EditUserModel(UserManager<SiteUser> users, RoleManager<SiteRole> roles, UserSessions sessions, IAuditLog audit, TimeProvider clock, IStringLocalizerFactory localizers) : PageModel
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

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.FindByIdAsync(Id);
        if (user is null) return NotFound();
        await LoadAsync(user);
        SelectedRoles = (await users.GetRolesAsync(user)).ToList();
        return Page();
    }

    public async Task<IActionResult> OnPostRolesAsync()
    {
        var user = await users.FindByIdAsync(Id);
        if (user is null) return NotFound();
        await LoadAsync(user);
        var wanted = SelectedRoles.Where(AllRoles.Contains).Where(r => r != BuiltInRoles.Anonymous).ToHashSet();
        if (SelectedRoles.Any(r => !AllRoles.Contains(r)))
        {
            ModelState.AddModelError(string.Empty, _t["所选角色不存在。"].Value);
            return Page();
        }
        var current = (await users.GetRolesAsync(user)).ToHashSet();
        if (user.Id == users.GetUserId(User) && current.Contains(BuiltInRoles.Organizer) && !wanted.Contains(BuiltInRoles.Organizer))
        {
            ModelState.AddModelError(string.Empty, _t["不能移除自己的组织者角色，以免无人能管理站点。"].Value);
            SelectedRoles = current.ToList();
            return Page();
        }
        var removed = current.Except(wanted).ToList();
        var added = wanted.Except(current).ToList();
        if (removed.Count > 0) await users.RemoveFromRolesAsync(user, removed);
        if (added.Count > 0) await users.AddToRolesAsync(user, added);
        // The security-stamp check rebuilds the user's cookie, with the new roles, within a minute.
        await audit.AppendAsync(new AuditEvent("account.roles-changed", $"user:{user.Id}", "ok",
            $"added: {string.Join(",", added)}; removed: {string.Join(",", removed)}"));
        TempData["Notice"] = _t["角色已保存。"].Value;
        return RedirectToPage(new { id = Id });
    }

    public async Task<IActionResult> OnPostToggleDisabledAsync()
    {
        var user = await users.FindByIdAsync(Id);
        if (user is null) return NotFound();
        if (user.Id == users.GetUserId(User))
        {
            TempData["Notice"] = _t["不能停用自己的账号。"].Value;
            return RedirectToPage(new { id = Id });
        }
        user.IsDisabled = !user.IsDisabled;
        await users.UpdateAsync(user);
        // Revoked sessions sign a disabled user out everywhere at the next request; the new stamp voids mailed links.
        await users.UpdateSecurityStampAsync(user);
        if (user.IsDisabled) await sessions.RevokeAllAsync(user.Id);
        await audit.AppendAsync(new AuditEvent(user.IsDisabled ? "account.disabled" : "account.enabled", $"user:{user.Id}", "ok"));
        return RedirectToPage(new { id = Id });
    }

    public async Task<IActionResult> OnPostUnlockAsync()
    {
        var user = await users.FindByIdAsync(Id);
        if (user is null) return NotFound();
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        await audit.AppendAsync(new AuditEvent("account.unlocked", $"user:{user.Id}", "ok"));
        return RedirectToPage(new { id = Id });
    }

    private async Task LoadAsync(SiteUser user)
    {
        AllRoles = await roles.Roles.Where(r => r.Name != BuiltInRoles.Anonymous).OrderBy(r => r.Name).Select(r => r.Name!).ToListAsync();
        (DisplayName, Email, EmailConfirmed, IsDisabled) = (user.DisplayName, user.Email ?? "", user.EmailConfirmed, user.IsDisabled);
        LockedOut = user.LockoutEnd > clock.GetUtcNow();
    }
}
