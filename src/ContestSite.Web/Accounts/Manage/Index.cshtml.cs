using System.ComponentModel.DataAnnotations;
using ContestSite.Data.Accounts;
using ContestSite.Web.Accounts.Sessions;
using ContestSite.Web.Accounts.UseCases;
using ContestSite.Web.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace ContestSite.Web.Accounts.Manage;

[Authorize]
public sealed class ProfileModel(UserManager<SiteUser> users, UserSessions sessions, IStringLocalizerFactory localizers) : PageModel
{
    public string Email { get; private set; } = "";
    /// <summary>Where this account is signed in (device, last seen).</summary>
    public IReadOnlyList<UserSession> Sessions { get; private set; } = [];
    public string? CurrentSessionId => sessions.CurrentId;

    [BindProperty, Required(ErrorMessage = "请填写昵称"), StringLength(32, ErrorMessage = "昵称不能超过 32 个字符")]
    public string DisplayName { get; set; } = "";

    [BindProperty] public string PreferredCulture { get; set; } = SiteCultures.Chinese;

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        (Email, DisplayName, PreferredCulture) = (user.Email!, user.DisplayName, user.PreferredCulture);
        Sessions = await sessions.ActiveAsync(user.Id);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync([FromServices] SaveProfile save)
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        Email = user.Email!;
        Sessions = await sessions.ActiveAsync(user.Id);
        if (!SiteCultures.IsSupported(PreferredCulture)) ModelState.AddModelError(nameof(PreferredCulture), localizers.Create(typeof(ProfileModel))["不支持该语言"].Value);
        if (!ModelState.IsValid) return Page();
        await save.SaveAsync(user, DisplayName, PreferredCulture);
        TempData["Notice"] = localizers.Create(typeof(ProfileModel))["已保存。"].Value;
        return RedirectToPage();
    }

    /// <summary>Ends every session of the account, this one included (a lost phone, a shared computer).</summary>
    public async Task<IActionResult> OnPostSignOutEverywhereAsync([FromServices] SignOutEverywhere signOut)
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        await signOut.SignOutAsync(user);
        TempData["Notice"] = localizers.Create(typeof(ProfileModel))["已退出所有设备上的登录。"].Value;
        return Redirect("/account/login");
    }
}
