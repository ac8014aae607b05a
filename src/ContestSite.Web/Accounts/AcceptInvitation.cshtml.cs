using System.ComponentModel.DataAnnotations;
using System.Globalization;
using ContestSite.Core.Rules;
using ContestSite.Data.Accounts;
using ContestSite.Web.Accounts.UseCases;
using ContestSite.Web.Localization;
using ContestSite.Web.Security;
using ContestSite.Web.Throttling;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace ContestSite.Web.Accounts;

/// <summary>
/// The mailed invitation link. It changes nothing on GET (mail scanners open links): a new address sets a display
/// name and password here, an existing account signs in and accepts with a button. Its GET tells whether a token
/// is live, so it is throttled as invite codes are, although the tokens are far too long to guess.
/// </summary>
[Throttle(ThrottleRules.InviteCode, GuessedRouteValue = "token")]
public sealed class AcceptInvitationModel(AcceptInvitation accept, UserManager<SiteUser> users, IStringLocalizerFactory localizers) : PageModel
{
    private readonly IStringLocalizer _t = localizers.Create(typeof(AcceptInvitationModel));

    [BindProperty(SupportsGet = true)] public string Token { get; set; } = "";
    [BindProperty] public AcceptInvitationInput Input { get; set; } = new();
    public InvitationLookup? Found { get; private set; }
    public string? Refusal { get; private set; }
    public bool NeedsSignIn => Found is { State.Allowed: true, Account: not null } && User.Identity?.IsAuthenticated != true;
    public bool NewAccount => Found is { State.Allowed: true, Account: null };

    public async Task<IActionResult> OnGetAsync()
    {
        await LoadAsync();
        if (NewAccount && Input.DisplayName.Length == 0) Input.DisplayName = Found!.Invitation!.Name ?? "";
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var signedIn = users.GetUserId(User);
        await LoadAsync();
        if (Refusal is not null) return Page();
        if (!NewAccount) ModelState.Clear(); // an existing account posts no name or password
        else if (!ModelState.IsValid) return Page();
        var outcome = await accept.AcceptAsync(Token, signedIn, Input.DisplayName, Input.Password, CultureInfo.CurrentUICulture.Name);
        if (!outcome.Accepted)
        {
            foreach (var refusal in outcome.Refusals) ModelState.AddModelError(string.Empty, _t.Localize(refusal));
            return Page();
        }
        // A judge lands on the profile the organizer filled in; staff meet the authenticator enrolment on the way.
        TempData["Notice"] = _t["您已接受邀请，成为{0}。", _t[Invitations.InvitationRoles.Label(outcome.Role!)].Value].Value;
        return LocalRedirect(outcome.Role == BuiltInRoles.Judge ? "/judging/profile" : "/");
    }

    private async Task LoadAsync()
    {
        Found = await accept.FindAsync(Token, users.GetUserId(User));
        Refusal = Found.State.Allowed ? null : _t.Localize(Found.State);
    }
}

public sealed class AcceptInvitationInput
{
    [Required(ErrorMessage = "请填写昵称")]
    [StringLength(32, MinimumLength = 1, ErrorMessage = "昵称不能超过 32 个字符")]
    public string DisplayName { get; set; } = "";

    [Required(ErrorMessage = "请填写密码")]
    [StringLength(128, ErrorMessage = "密码不能超过 128 个字符")]
    [DataType(DataType.Password)]
    public string Password { get; set; } = "";

    [Required(ErrorMessage = "请再次填写密码")]
    [Compare(nameof(Password), ErrorMessage = "两次填写的密码不一致")]
    [DataType(DataType.Password)]
    public string ConfirmPassword { get; set; } = "";
}
