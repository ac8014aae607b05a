using System.ComponentModel.DataAnnotations;
using ContestSite.Web.Accounts.UseCases;
using ContestSite.Web.Throttling;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace ContestSite.Web.Accounts;

/// <summary>The registration form; <see cref="RegisterAccount"/> answers alike for taken and free addresses.</summary>
[Throttle(ThrottleRules.Registration, AccountField = "Input.Email")]
public sealed class RegisterModel(RegisterAccount register, IStringLocalizerFactory localizers) : PageModel
{
    private readonly IStringLocalizer _t = localizers.Create(typeof(RegisterModel));

    [BindProperty] public RegisterInput Input { get; set; } = new();

    public IActionResult OnGet() => User.Identity?.IsAuthenticated == true ? LocalRedirect("/") : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid) return Page();
        var problems = await register.RegisterAsync(Input.DisplayName, Input.Email, Input.Password, System.Globalization.CultureInfo.CurrentUICulture.Name);
        if (problems.Count > 0)
        {
            foreach (var problem in problems) ModelState.AddModelError(string.Empty, problem);
            return Page();
        }
        TempData["Notice"] = _t["注册成功。我们已向 {0} 发送确认邮件，请点击邮件中的链接完成确认。", Input.Email.Trim()].Value;
        return RedirectToPage("/Accounts/Login");
    }
}

public sealed class RegisterInput
{
    [Required(ErrorMessage = "请填写昵称")]
    [StringLength(32, MinimumLength = 1, ErrorMessage = "昵称不能超过 32 个字符")]
    public string DisplayName { get; set; } = "";

    [Required(ErrorMessage = "请填写邮箱")]
    [EmailAddress(ErrorMessage = "邮箱地址格式不正确")]
    [StringLength(254, ErrorMessage = "邮箱地址过长")]
    public string Email { get; set; } = "";

    [Required(ErrorMessage = "请填写密码")]
    [StringLength(128, ErrorMessage = "密码不能超过 128 个字符")]
    [DataType(DataType.Password)]
    public string Password { get; set; } = "";

    [Required(ErrorMessage = "请再次填写密码")]
    [Compare(nameof(Password), ErrorMessage = "两次填写的密码不一致")]
    [DataType(DataType.Password)]
    public string ConfirmPassword { get; set; } = "";
}
