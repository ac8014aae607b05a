using System.ComponentModel.DataAnnotations;
using ContestSite.Data.Accounts;
using ContestSite.Web.Audit;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace ContestSite.Web.Accounts;

public sealed class LoginModel(SignInManager<SiteUser> signIn, UserManager<SiteUser> users, IAuditLog audit, IStringLocalizerFactory localizers) : PageModel
{
    private readonly IStringLocalizer _t = localizers.Create(typeof(LoginModel));

    [BindProperty] public LoginInput Input { get; set; } = new();
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public void OnGet() => ReturnUrl = SafeReturnUrl.IsLocal(ReturnUrl) ? ReturnUrl : null;

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid) return Page();
        var email = Input.Email.Trim();
        var user = await users.FindByEmailAsync(email);
        var wrong = _t["邮箱或密码不正确。"].Value;
        if (user is null || user.IsDisabled)
        {
            await audit.AppendAsync(new AuditEvent("account.signin", $"email:{email}", user is null ? "unknown-account" : "disabled"));
            ModelState.AddModelError(string.Empty, user is null ? wrong : _t["该账号已被停用，请联系组委会。"].Value);
            return Page();
        }

        var result = await signIn.PasswordSignInAsync(user, Input.Password, Input.RememberMe, lockoutOnFailure: true);
        var subject = $"user:{user.Id}";
        if (result.Succeeded)
        {
            await audit.AppendAsync(new AuditEvent("account.signin", subject, "ok") { ActorId = user.Id, ActorName = user.Email });
            return LocalRedirect(SafeReturnUrl.OrHome(ReturnUrl));
        }
        if (result.IsLockedOut)
        {
            await audit.AppendAsync(new AuditEvent("account.lockout", subject, "locked") { ActorId = user.Id, ActorName = user.Email });
            ModelState.AddModelError(string.Empty, _t["密码错误次数过多，账号已锁定 15 分钟。可稍后再试，或通过“忘记密码”重置。"].Value);
            return Page();
        }
        if (result.IsNotAllowed)
        {
            await audit.AppendAsync(new AuditEvent("account.signin", subject, "email-not-confirmed") { ActorId = user.Id, ActorName = user.Email });
            ModelState.AddModelError(string.Empty, _t["请先点击确认邮件中的链接完成邮箱确认。"].Value);
            return Page();
        }
        await audit.AppendAsync(new AuditEvent("account.signin", subject, "wrong-password") { ActorId = user.Id, ActorName = user.Email });
        ModelState.AddModelError(string.Empty, wrong);
        return Page();
    }
}

public sealed class LoginInput
{
    [Required(ErrorMessage = "请填写邮箱"), EmailAddress(ErrorMessage = "邮箱地址格式不正确")]
    public string Email { get; set; } = "";

    [Required(ErrorMessage = "请填写密码"), DataType(DataType.Password)]
    public string Password { get; set; } = "";

    public bool RememberMe { get; set; }
}
