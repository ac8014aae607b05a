using System.ComponentModel.DataAnnotations;
using ContestSite.Data.Accounts;
using ContestSite.Web.Accounts.UseCases;
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
public sealed class ChangeEmailModel(UserManager<SiteUser> users, IStringLocalizerFactory localizers) : PageModel
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

    public async Task<IActionResult> OnPostAsync([FromServices] RequestEmailChange change)
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        CurrentEmail = user.Email!;
        if (!ModelState.IsValid) return Page();
        var t = localizers.Create(typeof(ChangeEmailModel));
        var newEmail = NewEmail.Trim();
        switch (await change.RequestAsync(user, newEmail, Password))
        {
            case EmailChangeAnswer.WrongPassword:
                ModelState.AddModelError(nameof(Password), t["密码不正确。"].Value);
                return Page();
            case EmailChangeAnswer.SameAddress:
                ModelState.AddModelError(nameof(NewEmail), t["新邮箱与当前邮箱相同。"].Value);
                return Page();
            case EmailChangeAnswer.AddressTaken:
                ModelState.AddModelError(nameof(NewEmail), t["邮箱 {0} 已被注册。如果这是您的邮箱，请直接登录或找回密码。", newEmail].Value);
                return Page();
            default:
                TempData["Notice"] = t["确认邮件已发送到 {0}，点击邮件中的链接后更改生效。", newEmail].Value;
                return RedirectToPage();
        }
    }
}
