using System.ComponentModel.DataAnnotations;
using ContestSite.Web.Accounts.TwoFactor;
using ContestSite.Web.Accounts.UseCases;
using ContestSite.Web.Throttling;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace ContestSite.Web.Accounts;

/// <summary>The second step of signing in: the code from the authenticator app, after the right password.</summary>
[Throttle(ThrottleRules.SignIn, AccountIsPendingSignIn = true)]
public sealed class LoginWithCodeModel(SignInWithSecondFactor signIn, SecondFactorCookies secondFactor, IOptions<LockoutOptions> lockout, IStringLocalizerFactory localizers) : PageModel
{
    public const string Route = "/account/login/code";
    private readonly IStringLocalizer _t = localizers.Create(typeof(LoginWithCodeModel));

    [BindProperty, Required(ErrorMessage = "请填写验证码")] public string Code { get; set; } = "";
    [BindProperty] public bool RememberDevice { get; set; }
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    public int RememberDays => (int)SecondFactorCookies.RememberDeviceFor.TotalDays;

    public async Task<IActionResult> OnGetAsync()
    {
        ReturnUrl = SafeReturnUrl.IsLocal(ReturnUrl) ? ReturnUrl : null;
        return await secondFactor.PendingAsync() is null ? LocalRedirect(SecondStep.Path("/account/login", ReturnUrl)) : Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid) return Page();
        var outcome = await signIn.WithAuthenticatorCodeAsync(Code, RememberDevice, ThrottlingFeature.ClientAddress(HttpContext));
        return SecondStepAnswer.Render(this, outcome, ReturnUrl, _t, lockout.Value);
    }
}

/// <summary>What the code pages answer; both pages say the same for the same outcome.</summary>
public static class SecondStepAnswer
{
    public static IActionResult Render(PageModel page, SecondFactorOutcome outcome, string? returnUrl, IStringLocalizer t, LockoutOptions lockout)
    {
        switch (outcome.Result)
        {
            case SecondFactorAnswer.SignedIn:
                return page.LocalRedirect(SafeReturnUrl.OrHome(returnUrl));
            case SecondFactorAnswer.Expired:
                page.TempData["Notice"] = t["登录已超时，请重新输入密码。"].Value;
                return page.LocalRedirect(SecondStep.Path("/account/login", returnUrl));
            case SecondFactorAnswer.TooManyFailures:
                page.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(outcome.Wait!.Value.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
                return page.StatusCode(StatusCodes.Status429TooManyRequests);
            case SecondFactorAnswer.Locked:
                page.TempData["Notice"] = t["错误次数过多，账号已锁定 {0} 分钟。可稍后再试，或通过“忘记密码”重置。", (int)lockout.Duration.TotalMinutes].Value;
                return page.LocalRedirect(SecondStep.Path("/account/login", returnUrl));
            case SecondFactorAnswer.Disabled:
                page.TempData["Notice"] = t["该账号已被停用，请联系组委会。"].Value;
                return page.LocalRedirect("/account/login");
            default:
                page.ModelState.AddModelError(string.Empty, t["验证码不正确。"].Value);
                return page.Page();
        }
    }
}
