using System.ComponentModel.DataAnnotations;
using ContestSite.Data.Accounts;
using ContestSite.Web.Accounts.Sessions;
using ContestSite.Web.Audit;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace ContestSite.Web.Accounts.Manage;

[Authorize]
public sealed class ChangePasswordModel(UserManager<SiteUser> users, SignInManager<SiteUser> signIn, UserSessions sessions, IAuditLog audit, IStringLocalizerFactory localizers) : PageModel
{
    [BindProperty, Required(ErrorMessage = "请填写当前密码")] public string CurrentPassword { get; set; } = "";
    [BindProperty, Required(ErrorMessage = "请填写新密码"), StringLength(128, ErrorMessage = "密码不能超过 128 个字符")] public string NewPassword { get; set; } = "";

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        if (!ModelState.IsValid) return Page();
        var result = await users.ChangePasswordAsync(user, CurrentPassword, NewPassword);
        await audit.AppendAsync(new AuditEvent("account.password-change", $"user:{user.Id}", result.Succeeded ? "ok" : "rejected"));
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors) ModelState.AddModelError(string.Empty, error.Description);
            return Page();
        }
        // Whoever signed in with the old password elsewhere is signed out; this browser keeps its session.
        await sessions.RevokeAllAsync(user.Id, except: sessions.CurrentId);
        await signIn.RefreshSignInAsync(user);
        TempData["Notice"] = localizers.Create(typeof(ChangePasswordModel))["密码已更新，其他设备上的登录已退出。"].Value;
        return RedirectToPage();
    }
}
