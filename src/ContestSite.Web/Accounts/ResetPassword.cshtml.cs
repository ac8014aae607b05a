using System.ComponentModel.DataAnnotations;
using ContestSite.Data.Accounts;
using ContestSite.Web.Accounts.Sessions;
using ContestSite.Web.Audit;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace ContestSite.Web.Accounts;

public sealed class ResetPasswordModel(UserManager<SiteUser> users, UserSessions sessions, IAuditLog audit, IStringLocalizerFactory localizers) : PageModel
{
    [BindProperty(SupportsGet = true)] public string UserId { get; set; } = "";
    [BindProperty(SupportsGet = true)] public string Code { get; set; } = "";

    [BindProperty, Required(ErrorMessage = "请填写新密码"), StringLength(128, ErrorMessage = "密码不能超过 128 个字符")]
    public string Password { get; set; } = "";

    [BindProperty, Compare(nameof(Password), ErrorMessage = "两次填写的密码不一致")]
    public string ConfirmPassword { get; set; } = "";

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid) return Page();
        var t = localizers.Create(typeof(ResetPasswordModel));
        var user = await users.FindByIdAsync(UserId);
        if (user is null)
        {
            ModelState.AddModelError(string.Empty, t["链接无效或已过期，请重新申请。"].Value);
            return Page();
        }
        // The reset changes the security stamp, so the same link cannot be used twice.
        var result = await users.ResetPasswordAsync(user, Code, Password);
        await audit.AppendAsync(new AuditEvent("account.password-reset", $"user:{user.Id}", result.Succeeded ? "ok" : "rejected") { ActorId = user.Id, ActorName = user.Email });
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors) ModelState.AddModelError(string.Empty, error.Description);
            return Page();
        }
        await users.ResetAccessFailedCountAsync(user);
        await users.SetLockoutEndDateAsync(user, null);
        // Whoever knew the old password may be signed in somewhere: every session ends.
        await sessions.RevokeAllAsync(user.Id);
        TempData["Notice"] = t["密码已更新，请用新密码登录。"].Value;
        return RedirectToPage("/Accounts/Login");
    }
}
