using System.ComponentModel.DataAnnotations;
using ContestSite.Data.Accounts;
using ContestSite.Web.Audit;
using ContestSite.Web.Hosting;
using ContestSite.Web.Localization;
using ContestSite.Web.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace ContestSite.Web.Accounts;

public sealed class RegisterModel(UserManager<SiteUser> users, AccountEmails emails, IAuditLog audit, TimeProvider clock, IStringLocalizerFactory localizers, PublicUrls urls) : PageModel
{
    private readonly IStringLocalizer _t = localizers.Create(typeof(RegisterModel));

    [BindProperty] public RegisterInput Input { get; set; } = new();

    public IActionResult OnGet() => User.Identity?.IsAuthenticated == true ? LocalRedirect("/") : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid) return Page();
        var user = new SiteUser
        {
            UserName = Input.Email.Trim(),
            Email = Input.Email.Trim(),
            DisplayName = Input.DisplayName.Trim(),
            PreferredCulture = System.Globalization.CultureInfo.CurrentUICulture.Name,
            CreatedAt = clock.GetUtcNow(),
        };
        if (!SiteCultures.IsSupported(user.PreferredCulture)) user.PreferredCulture = SiteCultures.Chinese;

        var created = await users.CreateAsync(user, Input.Password);
        if (!created.Succeeded)
        {
            foreach (var error in created.Errors) ModelState.AddModelError(string.Empty, error.Description);
            return Page();
        }
        await users.AddToRoleAsync(user, BuiltInRoles.Contestant);
        var code = await users.GenerateEmailConfirmationTokenAsync(user);
        var link = urls.Page("/Accounts/ConfirmEmail", new { userId = user.Id, code });
        await emails.ConfirmRegistrationAsync(user, link);
        await audit.AppendAsync(new AuditEvent("account.registered", $"user:{user.Id}", "ok") { ActorId = user.Id, ActorName = user.Email });
        TempData["Notice"] = _t["注册成功。我们已向 {0} 发送确认邮件，请点击邮件中的链接完成确认。", user.Email!].Value;
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
