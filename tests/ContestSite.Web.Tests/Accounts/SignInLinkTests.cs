using System.Net;
using System.Text.RegularExpressions;
using ContestSite.Web.Tests.Infrastructure;

namespace ContestSite.Web.Tests.Accounts;

/// <summary>The header's sign-in link: back to the page it was clicked on, but never wrapping the sign-in page's own address.</summary>
public sealed partial class SignInLinkTests(SignInLinkTests.Site shared) : IClassFixture<SignInLinkTests.Site>
{
    public sealed class Site : SharedSite;

    [Fact]
    public async Task The_sign_in_link_of_a_page_returns_to_that_page()
    {
        using var visitor = shared.Site.CreateSiteClient();

        Assert.Equal("/account/login?returnUrl=%2Fgallery%3Fyear%3D2020", await SignInLinkAsync(visitor, "/gallery?year=2020"));
    }

    [Fact]
    public async Task Following_the_sign_in_link_on_the_sign_in_page_keeps_the_same_return_address()
    {
        using var visitor = shared.Site.CreateSiteClient();
        var link = await SignInLinkAsync(visitor, "/account/login?returnUrl=%2Fgallery");

        for (var i = 0; i < 3; i++) link = await SignInLinkAsync(visitor, link);

        Assert.Equal("/account/login?returnUrl=%2Fgallery", link);
    }

    [Theory]
    [InlineData("/account/login")]
    [InlineData("/account/login?returnUrl=https%3A%2F%2Fevil.example%2F")]
    [InlineData("/account/login?returnUrl=%2F%2Fevil.example")]
    [InlineData("/account/login?returnUrl=%2Faccount%2Flogin%3FreturnUrl%3D%252F")]
    [InlineData("/account/register")]
    public async Task On_an_account_page_without_a_local_return_address_the_sign_in_link_carries_none(string page)
    {
        using var visitor = shared.Site.CreateSiteClient();

        Assert.Equal("/account/login", await SignInLinkAsync(visitor, page));
    }

    private static async Task<string> SignInLinkAsync(SiteClient visitor, string url)
    {
        var page = await visitor.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, page.Status);
        var link = HeaderSignInLink().Match(page.Html);
        Assert.True(link.Success, "no sign-in link in the header of " + url);
        return WebUtility.HtmlDecode(link.Groups[1].Value);
    }

    [GeneratedRegex("<div class=\"login-status\">\\s*<a href=\"([^\"]+)\"")]
    private static partial Regex HeaderSignInLink();
}
