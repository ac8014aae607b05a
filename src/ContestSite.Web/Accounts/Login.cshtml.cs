using System.ComponentModel.DataAnnotations;
using ContestSite.Data.Accounts;
using ContestSite.Web.Accounts.Sessions;
using ContestSite.Web.Audit;
using ContestSite.Web.Throttling;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace ContestSite.Web.Accounts;

/// <summary>
/// Sign-in checks the password before it says anything else: a wrong password gets one answer whether the account
/// exists, is unconfirmed, disabled or locked. Only someone who knows the password learns the account's state.
/// </summary>
[Throttle(ThrottleRules.SignIn, AccountField = "Input.Email")]
public sealed class LoginModel(UserManager<SiteUser> users, UserSessions sessions, UnknownAccountPasswordCheck unknownAccount, ClientFailureBudget failureBudget,
    IOptions<LockoutOptions> lockout, IAuditLog audit, TimeProvider clock, IStringLocalizerFactory localizers) : PageModel
{
    private readonly IStringLocalizer _t = localizers.Create(typeof(LoginModel));

    [BindProperty] public LoginInput Input { get; set; } = new();
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public void OnGet() => ReturnUrl = SafeReturnUrl.IsLocal(ReturnUrl) ? ReturnUrl : null;

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid) return Page();
        var email = Input.Email.Trim();
        var client = ThrottlingFeature.ClientAddress(HttpContext);
        if (failureBudget.WaitFor(client, email) is { } wait) return TooManyFailures(wait);
        var user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            unknownAccount.Spend(Input.Password);
            failureBudget.Spend(client, email);
            await audit.AppendAsync(new AuditEvent("account.signin", $"email:{email}", "unknown-account"));
            return Refuse(_t["邮箱或密码不正确。"].Value);
        }

        var subject = $"user:{user.Id}";
        AuditEvent Event(string action, string outcome) => new(action, subject, outcome) { ActorId = user.Id, ActorName = user.Email };
        if (IsLockedOut(user))
        {
            // A locked account counts no more failures: the lock ends on time whatever is guessed meanwhile.
            var rightPassword = await users.CheckPasswordAsync(user, Input.Password);
            if (!rightPassword) failureBudget.Spend(client, email);
            await audit.AppendAsync(Event("account.signin", rightPassword ? "locked" : "locked-wrong-password"));
            return Refuse(rightPassword ? _t["密码错误次数过多，账号已锁定 {0} 分钟。可稍后再试，或通过“忘记密码”重置。", (int)lockout.Value.Duration.TotalMinutes].Value : _t["邮箱或密码不正确。"].Value);
        }
        if (!await users.CheckPasswordAsync(user, Input.Password))
        {
            failureBudget.Spend(client, email);
            await users.AccessFailedAsync(user);
            var lockedNow = IsLockedOut(user);
            await audit.AppendAsync(lockedNow ? Event("account.lockout", "locked") : Event("account.signin", "wrong-password"));
            return Refuse(_t["邮箱或密码不正确。"].Value);
        }
        if (user.IsDisabled)
        {
            await audit.AppendAsync(Event("account.signin", "disabled"));
            return Refuse(_t["该账号已被停用，请联系组委会。"].Value);
        }
        if (!user.EmailConfirmed)
        {
            await audit.AppendAsync(Event("account.signin", "email-not-confirmed"));
            return Refuse(_t["请先点击确认邮件中的链接完成邮箱确认。"].Value);
        }

        await users.ResetAccessFailedCountAsync(user);
        await sessions.SignInAsync(user, Input.RememberMe);
        await audit.AppendAsync(Event("account.signin", "ok"));
        return LocalRedirect(SafeReturnUrl.OrHome(ReturnUrl));
    }

    /// <summary>Decided on the site's clock, as the users page shows it (Identity itself reads the machine clock).</summary>
    private bool IsLockedOut(SiteUser user) => user.LockoutEnabled && user.LockoutEnd > clock.GetUtcNow();

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
