using System.ComponentModel.DataAnnotations;
using ContestSite.Data.Accounts;
using ContestSite.Web.Audit;
using ContestSite.Web.Hosting;
using ContestSite.Web.Throttling;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace ContestSite.Web.Accounts;

[Throttle(ThrottleRules.Mail, AccountField = nameof(Email))]
public sealed class ForgotPasswordModel(UserManager<SiteUser> users, AccountEmails emails, IAuditLog audit, IStringLocalizerFactory localizers, PublicUrls urls) : PageModel
{
    [BindProperty, Required(ErrorMessage = "请填写邮箱"), EmailAddress(ErrorMessage = "邮箱地址格式不正确")]
    public string Email { get; set; } = "";

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid) return Page();
        var user = await users.FindByEmailAsync(Email.Trim());
        if (user is { EmailConfirmed: true, IsDisabled: false })
        {
            var code = await users.GeneratePasswordResetTokenAsync(user);
            await emails.ResetPasswordAsync(user, urls.Page("/Accounts/ResetPassword", new { userId = user.Id, code }));
            await audit.AppendAsync(new AuditEvent("account.password-reset-requested", $"user:{user.Id}", "mailed") { ActorId = user.Id, ActorName = user.Email });
        }
        // The same answer whether or not the address has an account.
        TempData["Notice"] = localizers.Create(typeof(ForgotPasswordModel))["如果该邮箱已注册，重置密码的邮件已发出，请查收。"].Value;
        return RedirectToPage("/Accounts/Login");
    }
}
