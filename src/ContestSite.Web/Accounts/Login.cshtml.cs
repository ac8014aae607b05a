using System.ComponentModel.DataAnnotations;
using ContestSite.Web.Accounts.UseCases;
using ContestSite.Web.Throttling;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace ContestSite.Web.Accounts;

/// <summary>The sign-in form; <see cref="SignIn"/> decides, so that a wrong password says nothing about the account.</summary>
[Throttle(ThrottleRules.SignIn, AccountField = "Input.Email")]
public sealed class LoginModel(SignIn signIn, IOptions<LockoutOptions> lockout, IStringLocalizerFactory localizers) : PageModel
{
    private readonly IStringLocalizer _t = localizers.Create(typeof(LoginModel));

    [BindProperty] public LoginInput Input { get; set; } = new();
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public void OnGet() => ReturnUrl = SafeReturnUrl.IsLocal(ReturnUrl) ? ReturnUrl : null;

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid) return Page();
        var outcome = await signIn.SignInAsync(Input.Email, Input.Password, Input.RememberMe, ThrottlingFeature.ClientAddress(HttpContext));
        return outcome.Result switch
        {
            SignInAnswer.SignedIn => LocalRedirect(SafeReturnUrl.OrHome(ReturnUrl)),
            SignInAnswer.CodeRequired => LocalRedirect(SecondStep.Path(LoginWithCodeModel.Route, ReturnUrl)),
            SignInAnswer.TooManyFailures => TooManyFailures(outcome.Wait!.Value),
            SignInAnswer.Locked => Refuse(_t["密码错误次数过多，账号已锁定 {0} 分钟。可稍后再试，或通过“忘记密码”重置。", (int)lockout.Value.Duration.TotalMinutes].Value),
            SignInAnswer.Disabled => Refuse(_t["该账号已被停用，请联系组委会。"].Value),
            SignInAnswer.Unconfirmed => Refuse(_t["请先点击确认邮件中的链接完成邮箱确认。"].Value),
            _ => Refuse(_t["邮箱或密码不正确。"].Value),
        };
    }

    /// <summary>This client has spent its wrong passwords on this account: answered like the throttle, before any password check.</summary>
    private StatusCodeResult TooManyFailures(TimeSpan wait)
    {
        Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return StatusCode(StatusCodes.Status429TooManyRequests);
    }

    private PageResult Refuse(string message)
    {
        ModelState.AddModelError(string.Empty, message);
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
