using ContestSite.Data.Accounts;
using ContestSite.Web.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.Extensions.Localization;

namespace ContestSite.Web.Localization;

public static class CultureEndpoints
{
    /// <summary>The language switch: a plain form post, so it works without JavaScript.</summary>
    public static IEndpointRouteBuilder MapCultureSwitch(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/culture", async ([FromForm] string culture, [FromForm] string? returnUrl,
            HttpContext http, UserManager<SiteUser> users) =>
        {
            if (!SiteCultures.IsSupported(culture)) return Results.BadRequest();
            var canonical = SiteCultures.All.First(c => c.Equals(culture, StringComparison.OrdinalIgnoreCase));
            http.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(canonical)),
                new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, HttpOnly = true, SameSite = SameSiteMode.Lax, Secure = http.Request.IsHttps });
            if (http.User.Identity?.IsAuthenticated == true && await users.GetUserAsync(http.User) is { } user)
            {
                var mailChanges = user.PreferredCulture != canonical;
                user.PreferredCulture = canonical;
                await users.UpdateAsync(user);
                // The account's language is also the language of its mail: say so, in the language just chosen.
                if (mailChanges)
                {
                    var text = http.RequestServices.GetRequiredService<IStringLocalizerFactory>().Create(typeof(CultureEndpoints));
                    var tempData = http.RequestServices.GetRequiredService<ITempDataDictionaryFactory>().GetTempData(http);
                    tempData["Notice"] = SiteCultures.With(canonical, () => text["网站和发给你的邮件将使用中文。"].Value);
                    tempData.Save();
                }
            }
            return Results.LocalRedirect(SafeReturnUrl.OrHome(returnUrl));
        })
        // Signed in, the choice is saved to the account, so the post must come from the site's own form. Anonymous
        // visitors get the form without a token, so public pages hold nothing per visitor and can be served from
        // the output cache; switching the language of a visitor's own browser needs no protection. (The built-in
        // check of form posts is off for the same reason; the filter does the check instead.)
        .DisableAntiforgery()
        .RequireAntiforgery(signedInOnly: true)
        .WithName("SwitchCulture").ExcludeFromDescription();
        return endpoints;
    }
}
