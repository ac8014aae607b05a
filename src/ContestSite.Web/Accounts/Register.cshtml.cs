using System.ComponentModel.DataAnnotations;
using ContestSite.Data.Accounts;
using ContestSite.Web.Audit;
using ContestSite.Web.Hosting;
using ContestSite.Web.Localization;
using ContestSite.Web.Security;
using ContestSite.Web.Throttling;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace ContestSite.Web.Accounts;

/// <summary>
/// Registration answers the same whether or not the address already has an account, so the form cannot be used to
/// find out who is registered: a taken address gets no new account, and its owner gets a mail saying someone tried.
/// </summary>
[Throttle(ThrottleRules.Registration, AccountField = "Input.Email")]
public sealed class RegisterModel(UserManager<SiteUser> users, AccountEmails emails, UnknownAccountPasswordCheck hashing, IAuditLog audit, TimeProvider clock,
    IStringLocalizerFactory localizers, PublicUrls urls) : PageModel
{
    private readonly IStringLocalizer _t = localizers.Create(typeof(RegisterModel));

    [BindProperty] public RegisterInput Input { get; set; } = new();

    public IActionResult OnGet() => User.Identity?.IsAuthenticated == true ? LocalRedirect("/") : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid) return Page();
        var email = Input.Email.Trim();
        var user = new SiteUser
        {
            UserName = email,
            Email = email,
            DisplayName = Input.DisplayName.Trim(),
            PreferredCulture = System.Globalization.CultureInfo.CurrentUICulture.Name,
            CreatedAt = clock.GetUtcNow(),
        };
        if (!SiteCultures.IsSupported(user.PreferredCulture)) user.PreferredCulture = SiteCultures.Chinese;

        // The password rules are checked before the address, so a weak password is refused alike for taken and free addresses.
        if (await PasswordErrorsAsync(user) is { Count: > 0 } weak) return Refuse(weak);
        if (await users.FindByEmailAsync(email) is { } owner) return await TakenAsync(owner);

        var created = await users.CreateAsync(user, Input.Password);
        if (!created.Succeeded)
        {
            // Another registration of the same address won the race: answer as for any taken address.
            if (created.Errors.All(e => e.Code is nameof(IdentityErrorDescriber.DuplicateEmail) or nameof(IdentityErrorDescriber.DuplicateUserName))
                && await users.FindByEmailAsync(email) is { } winner)
                return await TakenAsync(winner);
            return Refuse(created.Errors);
        }
        await users.AddToRoleAsync(user, BuiltInRoles.Contestant);
        var code = await users.GenerateEmailConfirmationTokenAsync(user);
        var link = urls.Page("/Accounts/ConfirmEmail", new { userId = user.Id, code });
        await emails.ConfirmRegistrationAsync(user, link);
        await audit.AppendAsync(new AuditEvent("account.registered", $"user:{user.Id}", "ok") { ActorId = user.Id, ActorName = user.Email });
        return Registered(email);
    }

    private async Task<IActionResult> TakenAsync(SiteUser owner)
    {
        hashing.Spend(Input.Password); // a new registration hashes the password: so does this answer
        var signInLink = urls.Page("/Accounts/Login");
        var resetLink = urls.Page("/Accounts/ForgotPassword");
        await emails.RegistrationAttemptAsync(owner, signInLink, resetLink);
        await audit.AppendAsync(new AuditEvent("account.register-taken", $"user:{owner.Id}", "owner-mailed"));
        return Registered(Input.Email.Trim());
    }

    private RedirectToPageResult Registered(string email)
    {
        TempData["Notice"] = _t["注册成功。我们已向 {0} 发送确认邮件，请点击邮件中的链接完成确认。", email].Value;
        return RedirectToPage("/Accounts/Login");
    }

    private async Task<List<IdentityError>> PasswordErrorsAsync(SiteUser user)
    {
        var errors = new List<IdentityError>();
        foreach (var validator in users.PasswordValidators)
        {
            var result = await validator.ValidateAsync(users, user, Input.Password);
            if (!result.Succeeded) errors.AddRange(result.Errors);
        }
        return errors;
    }

    private PageResult Refuse(IEnumerable<IdentityError> errors)
    {
        foreach (var error in errors) ModelState.AddModelError(string.Empty, error.Description);
        return Page();
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
