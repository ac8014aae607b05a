using System.ComponentModel.DataAnnotations;
using ContestSite.Data.Accounts;
using ContestSite.Web.Hosting;
using ContestSite.Web.Throttling;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace ContestSite.Web.Accounts;

[Throttle(ThrottleRules.Mail, AccountField = nameof(Email))]
public sealed class ResendConfirmationModel(UserManager<SiteUser> users, AccountEmails emails, IStringLocalizerFactory localizers, PublicUrls urls) : PageModel
{
    [BindProperty, Required(ErrorMessage = "请填写邮箱"), EmailAddress(ErrorMessage = "邮箱地址格式不正确")]
    public string Email { get; set; } = "";

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid) return Page();
        var user = await users.FindByEmailAsync(Email.Trim());
        // Same answer whether or not the address has an account, so the form cannot be used to probe.
        if (user is { EmailConfirmed: false })
        {
            var code = await users.GenerateEmailConfirmationTokenAsync(user);
            await emails.ConfirmRegistrationAsync(user, urls.Page("/Accounts/ConfirmEmail", new { userId = user.Id, code }));
        }
        TempData["Notice"] = localizers.Create(typeof(ResendConfirmationModel))["如果该邮箱已注册且尚未确认，确认邮件已发出。"].Value;
        return RedirectToPage("/Accounts/Login");
    }
}
