using System.ComponentModel.DataAnnotations;
using ContestSite.Data.Accounts;
using ContestSite.Web.Accounts.UseCases;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace ContestSite.Web.Accounts.Manage;

[Authorize]
public sealed class ChangePasswordModel(UserManager<SiteUser> users, IStringLocalizerFactory localizers) : PageModel
{
    [BindProperty, Required(ErrorMessage = "请填写当前密码")] public string CurrentPassword { get; set; } = "";
    [BindProperty, Required(ErrorMessage = "请填写新密码"), StringLength(128, ErrorMessage = "密码不能超过 128 个字符")] public string NewPassword { get; set; } = "";

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync([FromServices] ChangePassword change)
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        if (!ModelState.IsValid) return Page();
        var problems = await change.ChangeAsync(user, CurrentPassword, NewPassword);
        if (problems.Count > 0)
        {
            foreach (var problem in problems) ModelState.AddModelError(string.Empty, problem);
            return Page();
        }
        TempData["Notice"] = localizers.Create(typeof(ChangePasswordModel))["密码已更新，其他设备上的登录已退出。"].Value;
        return RedirectToPage();
    }
}
