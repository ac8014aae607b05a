using System.ComponentModel.DataAnnotations;
using ContestSite.Web.Accounts.UseCases;
using ContestSite.Web.Throttling;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace ContestSite.Web.Accounts;

[Throttle(ThrottleRules.Mail, AccountField = nameof(Email))]
public sealed class ForgotPasswordModel(IStringLocalizerFactory localizers) : PageModel
{
    [BindProperty, Required(ErrorMessage = "请填写邮箱"), EmailAddress(ErrorMessage = "邮箱地址格式不正确")]
    public string Email { get; set; } = "";

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync([FromServices] RequestPasswordReset reset)
    {
        if (!ModelState.IsValid) return Page();
        await reset.RequestAsync(Email);
        // The same answer whether or not the address has an account.
        TempData["Notice"] = localizers.Create(typeof(ForgotPasswordModel))["如果该邮箱已注册，重置密码的邮件已发出，请查收。"].Value;
        return RedirectToPage("/Accounts/Login");
    }
}
