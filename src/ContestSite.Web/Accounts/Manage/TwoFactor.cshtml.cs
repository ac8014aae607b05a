using ContestSite.Data;
using ContestSite.Data.Accounts;
using ContestSite.Web.Accounts.TwoFactor;
using ContestSite.Web.Accounts.UseCases;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace ContestSite.Web.Accounts.Manage;

/// <summary>
/// Enrolment (key as text and QR code, confirmed with a code, then the recovery codes shown once), status, new recovery
/// codes, and switching it off where the account's role allows. Organizers and judges without an authenticator are
/// sent here before any other page (<see cref="EnrolmentGate"/>).
/// </summary>
[Authorize]
public sealed class TwoFactorModel(UserManager<SiteUser> users, SecondFactorPolicy policy, IStringLocalizerFactory localizers) : PageModel
{
    private readonly IStringLocalizer _t = localizers.Create(typeof(TwoFactorModel));

    [BindProperty] public string Code { get; set; } = "";
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    public bool Enabled { get; private set; }
    public bool Required { get; private set; }
    public string? GroupedKey { get; private set; }
    public string? QrCode { get; private set; }
    public string? SetupUri { get; private set; }
    public int RecoveryCodesLeft { get; private set; }
    /// <summary>Set only in the answer that made them: they are never shown again.</summary>
    public IReadOnlyList<string> RecoveryCodes { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync([FromServices] StartAuthenticatorEnrolment start)
    {
        if (await users.GetUserAsync(User) is not { } user) return Challenge();
        await LoadAsync(user, start);
        return Page();
    }

    public async Task<IActionResult> OnPostEnableAsync([FromServices] EnableAuthenticator enable, [FromServices] StartAuthenticatorEnrolment start)
    {
        if (await users.GetUserAsync(User) is not { } user) return Challenge();
        var outcome = await enable.EnableAsync(user, Code);
        return await AnswerAsync(user, start, outcome);
    }

    public async Task<IActionResult> OnPostRecoveryCodesAsync([FromServices] RegenerateRecoveryCodes regenerate, [FromServices] StartAuthenticatorEnrolment start)
    {
        if (await users.GetUserAsync(User) is not { } user) return Challenge();
        var outcome = await regenerate.RegenerateAsync(user, Code);
        return await AnswerAsync(user, start, outcome);
    }

    public async Task<IActionResult> OnPostDisableAsync([FromServices] DisableAuthenticator disable, [FromServices] StartAuthenticatorEnrolment start)
    {
        if (await users.GetUserAsync(User) is not { } user) return Challenge();
        var result = await disable.DisableAsync(user, Code);
        if (result.Allowed)
        {
            TempData["Notice"] = _t["两步验证已关闭。"].Value;
            return RedirectToPage();
        }
        ModelState.AddModelError(string.Empty, _t[result.Message!, result.Arguments].Value);
        await LoadAsync(user, start);
        return Page();
    }

    private async Task<IActionResult> AnswerAsync(SiteUser user, StartAuthenticatorEnrolment start, AuthenticatorOutcome outcome)
    {
        if (!outcome.Result.Allowed) ModelState.AddModelError(string.Empty, _t[outcome.Result.Message!, outcome.Result.Arguments].Value);
        await LoadAsync(user, start);
        RecoveryCodes = outcome.RecoveryCodes;
        return Page();
    }

    private async Task LoadAsync(SiteUser user, StartAuthenticatorEnrolment start)
    {
        // The key and the recovery codes must not stay in a cache.
        Response.Headers.CacheControl = "no-store";
        ReturnUrl = SafeReturnUrl.IsLocal(ReturnUrl) ? ReturnUrl : null;
        Code = "";
        Enabled = user.TwoFactorEnabled;
        Required = await policy.IsRequiredAsync(user.Id);
        if (Enabled)
        {
            RecoveryCodesLeft = await users.CountRecoveryCodesAsync(user);
            return;
        }
        var key = await start.KeyAsync(user);
        if (key is null) return;
        GroupedKey = AuthenticatorSetup.Grouped(key);
        // The issuer is the contest's name in every language, so the entry in the app never changes.
        SetupUri = AuthenticatorSetup.Uri(AccountsFeature.AuthenticatorIssuer, user.Email ?? user.UserName ?? user.Id, key);
        QrCode = AuthenticatorSetup.QrCodePng(SetupUri);
    }
}
