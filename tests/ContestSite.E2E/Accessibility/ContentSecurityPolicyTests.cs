using ContestSite.E2E.Infrastructure;
using ContestSite.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ContestSite.E2E.Accessibility;

/// <summary>The site's own pages break none of its own policy: a form page, with and without a validation error, logs no CSP violation.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ContentSecurityPolicyTests(BrowserFixture browser)
{
    [Fact]
    public async Task A_form_page_with_and_without_a_validation_error_logs_no_content_security_policy_violation()
    {
        await using var site = await SiteFactory.CreateAsync(realPort: true);
        var page = await browser.NewPageAsync();
        var errors = new List<string>();
        // Chromium reports a blocked inline style as "Refused to apply inline style because it violates the following Content
        // Security Policy directive"; the listener below reports the same event once more, in a form that cannot be missed.
        page.Console += (_, message) =>
        {
            if (message.Type == "error" && (message.Text.Contains("Content Security Policy", StringComparison.Ordinal) || message.Text.StartsWith("CSP violation", StringComparison.Ordinal)))
                errors.Add(message.Text);
        };
        await page.AddInitScriptAsync("document.addEventListener('securitypolicyviolation', e => console.error('CSP violation: ' + e.violatedDirective + ' ' + e.blockedURI));");

        await page.GotoAsync(new Uri(site.RootUri!, "/account/login").ToString());
        await page.GetByLabel("邮箱", new() { Exact = true }).FillAsync("nobody@test.local");
        await page.GetByLabel("密码", new() { Exact = true }).FillAsync("wrong-password-1");
        await page.GetByRole(AriaRole.Button, new() { Name = "登录", Exact = true }).ClickAsync();
        await Expect(page.Locator(".validation-summary-errors li")).Not.ToHaveCountAsync(0);
        await page.GotoAsync(new Uri(site.RootUri!, "/account/register").ToString());
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();

        Assert.True(errors.Count == 0, "policy violations: " + string.Join(" | ", errors));
        Assert.Equal(0, await page.Locator("[style]").CountAsync());
        await page.Context.CloseAsync();
    }
}
