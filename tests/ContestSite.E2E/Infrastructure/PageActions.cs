using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ContestSite.E2E.Infrastructure;

public static class PageActions
{
    /// <summary>Signs in through the login form the way a person does, and waits to land on <paramref name="expectedPath"/>.</summary>
    public static async Task SignInAsync(this IPage page, Uri root, string email, string password, string expectedPath = "/")
    {
        await page.GotoAsync(new Uri(root, "/account/login").ToString());
        await page.GetByLabel("邮箱", new() { Exact = true }).FillAsync(email);
        await page.GetByLabel("密码", new() { Exact = true }).FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录", Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Uri(root, expectedPath).ToString());
    }
}
