using System.ComponentModel.DataAnnotations;
using ContestSite.Web.Accounts.UseCases;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace ContestSite.Web.Accounts;

public sealed class ResetPasswordModel(IStringLocalizerFactory localizers) : PageModel
{
    [BindProperty(SupportsGet = true)] public string UserId { get; set; } = "";
    [BindProperty(SupportsGet = true)] public string Code { get; set; } = "";

    [BindProperty, Required(ErrorMessage = "请填写新密码"), StringLength(128, ErrorMessage = "密码不能超过 128 个字符")]
    public string Password { get; set; } = "";

    [BindProperty, Compare(nameof(Password), ErrorMessage = "两次填写的密码不一致")]
    public string ConfirmPassword { get; set; } = "";

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync([FromServices] ResetPassword reset)
    {
        if (!ModelState.IsValid) return Page();
        var t = localizers.Create(typeof(ResetPasswordModel));
        var problems = await reset.ResetAsync(UserId, Code, Password);
        if (problems is null)
        {
            ModelState.AddModelError(string.Empty, t["链接无效或已过期，请重新申请。"].Value);
            return Page();
        }
        if (problems.Count > 0)
        {
            foreach (var problem in problems) ModelState.AddModelError(string.Empty, problem);
            return Page();
        }
        TempData["Notice"] = t["密码已更新，请用新密码登录。"].Value;
        return RedirectToPage("/Accounts/Login");
    }
}
