using System.Text.RegularExpressions;
using ContestSite.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ContestSite.E2E.Infrastructure;

public static class PageActions
{
    /// <summary>
    /// Signs in through the login form the way a person does, and waits to land on <paramref name="expectedPath"/>.
    /// An organizer or judge has an authenticator (their role requires one) and types the code their app shows.
    /// </summary>
    public static async Task SignInAsync(this IPage page, SiteFactory site, string email, string password, string expectedPath = "/")
    {
        var root = site.RootUri!;
        var codeAsked = await site.EnrolAuthenticatorIfRequiredAsync(email);
        await page.GotoAsync(new Uri(root, "/account/login").ToString());
        await page.GetByLabel("邮箱", new() { Exact = true }).FillAsync(email);
        await page.GetByLabel("密码", new() { Exact = true }).FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录", Exact = true }).ClickAsync();
        if (codeAsked)
        {
            await Expect(page).ToHaveURLAsync(new Regex("/account/login/code"));
            await site.ForgetLastAuthenticatorCodeAsync(email);
            await page.GetByLabel("验证码", new() { Exact = true }).FillAsync(await site.AuthenticatorCodeAsync(email));
            await page.GetByRole(AriaRole.Button, new() { Name = "验证", Exact = true }).ClickAsync();
        }
        await Expect(page).ToHaveURLAsync(new Uri(root, expectedPath).ToString());
    }
}
