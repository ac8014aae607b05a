using ContestSite.Data.Accounts;
using Microsoft.AspNetCore.Identity;

namespace ContestSite.Web.Accounts.UseCases;

/// <summary>Changes the signed-in account's display name and mail language; the cookie is rebuilt with the new name.</summary>
public sealed class SaveProfile(UserManager<SiteUser> users, SignInManager<SiteUser> signIn)
{
    public async Task SaveAsync(SiteUser user, string displayName, string preferredCulture)
    {
        user.DisplayName = displayName.Trim();
        user.PreferredCulture = preferredCulture;
        await users.UpdateAsync(user);
        await signIn.RefreshSignInAsync(user);
    }
}
