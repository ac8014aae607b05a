using System.ComponentModel.DataAnnotations;
using ContestSite.Web.Accounts.TwoFactor;
using ContestSite.Web.Accounts.UseCases;
using ContestSite.Web.Throttling;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace ContestSite.Web.Accounts;

/// <summary>The second step with one of the ten recovery codes instead of the app; each code works once.</summary>
[Throttle(ThrottleRules.SignIn, AccountIsPendingSignIn = true)]
public sealed class LoginWithRecoveryCodeModel(SignInWithSecondFactor signIn, SecondFactorCookies secondFactor, IOptions<LockoutOptions> lockout, IStringLocalizerFactory localizers) : PageModel
{
    public const string Route = "/account/login/recovery-code";
    private readonly IStringLocalizer _t = localizers.Create(typeof(LoginWithRecoveryCodeModel));

    [BindProperty, Required(ErrorMessage = "请填写恢复码")] public string RecoveryCode { get; set; } = "";
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        ReturnUrl = SafeReturnUrl.IsLocal(ReturnUrl) ? ReturnUrl : null;
        return await secondFactor.PendingAsync() is null ? LocalRedirect(SecondStep.Path("/account/login", ReturnUrl)) : Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid) return Page();
        var outcome = await signIn.WithRecoveryCodeAsync(RecoveryCode, ThrottlingFeature.ClientAddress(HttpContext));
        if (outcome.Result == SecondFactorAnswer.WrongCode)
        {
            ModelState.AddModelError(string.Empty, _t["恢复码不正确，或已经用过。"].Value);
            return Page();
        }
        return SecondStepAnswer.Render(this, outcome, ReturnUrl, _t, lockout.Value);
    }
}
