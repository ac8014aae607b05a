using System.ComponentModel.DataAnnotations;
using ContestSite.Data.Accounts;
using ContestSite.Web.Audit;
using ContestSite.Web.Hosting;
using ContestSite.Web.Throttling;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace ContestSite.Web.Accounts.Manage;

/// <summary>The new address takes effect only when its owner follows the link mailed to it.</summary>
[Authorize]
[Throttle(ThrottleRules.Mail)]
public sealed class ChangeEmailModel(UserManager<SiteUser> users, AccountEmails emails, IAuditLog audit, IStringLocalizerFactory localizers, PublicUrls urls) : PageModel
{
    public string CurrentEmail { get; private set; } = "";

    [BindProperty, Required(ErrorMessage = "请填写新邮箱"), EmailAddress(ErrorMessage = "邮箱地址格式不正确"), StringLength(254, ErrorMessage = "邮箱地址过长")]
    public string NewEmail { get; set; } = "";

    [BindProperty, Required(ErrorMessage = "请填写当前密码")]
    public string Password { get; set; } = "";

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        CurrentEmail = user.Email!;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        CurrentEmail = user.Email!;
        if (!ModelState.IsValid) return Page();
        var t = localizers.Create(typeof(ChangeEmailModel));
        if (!await users.CheckPasswordAsync(user, Password))
        {
            await audit.AppendAsync(new AuditEvent("account.email-change", $"user:{user.Id}", "wrong-password"));
            ModelState.AddModelError(nameof(Password), t["密码不正确。"].Value);
            return Page();
        }
        var newEmail = NewEmail.Trim();
        if (string.Equals(newEmail, user.Email, StringComparison.OrdinalIgnoreCase))
        {
            ModelState.AddModelError(nameof(NewEmail), t["新邮箱与当前邮箱相同。"].Value);
            return Page();
        }
        if (await users.FindByEmailAsync(newEmail) is not null)
        {
            ModelState.AddModelError(nameof(NewEmail), t["邮箱 {0} 已被注册。如果这是您的邮箱，请直接登录或找回密码。", newEmail].Value);
            return Page();
        }
        var code = await users.GenerateChangeEmailTokenAsync(user, newEmail);
        var link = urls.Page("/Accounts/ConfirmEmailChange", new { userId = user.Id, email = newEmail, code });
        await emails.ConfirmEmailChangeAsync(user, newEmail, link);
        await audit.AppendAsync(new AuditEvent("account.email-change", $"user:{user.Id}", "requested", $"to {newEmail}"));
        TempData["Notice"] = t["确认邮件已发送到 {0}，点击邮件中的链接后更改生效。", newEmail].Value;
        return RedirectToPage();
    }
}
