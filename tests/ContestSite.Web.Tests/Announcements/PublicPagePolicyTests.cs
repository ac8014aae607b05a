using System.Security.Claims;
using ContestSite.Web.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.DependencyInjection;

namespace ContestSite.Web.Tests.Announcements;

public sealed class PublicPagePolicyTests
{
    private static OutputCacheContext Context(Action<HttpContext>? arrange = null)
    {
        var http = new DefaultHttpContext { RequestServices = new ServiceCollection().BuildServiceProvider() };
        http.Request.Method = "GET";
        arrange?.Invoke(http);
        return new OutputCacheContext { HttpContext = http };
    }

    [Fact]
    public async Task A_response_that_sets_a_cookie_is_never_stored()
    {
        var policy = new PublicPagePolicy();
        var context = Context();
        await policy.CacheRequestAsync(context, default);
        context.HttpContext.Response.StatusCode = 200;
        context.HttpContext.Response.Headers.SetCookie = "cs-xsrf=token; path=/";

        await policy.ServeResponseAsync(context, default);

        Assert.False(context.AllowCacheStorage);
    }

    [Fact]
    public async Task A_plain_anonymous_200_is_stored_and_a_404_is_not()
    {
        var policy = new PublicPagePolicy();
        var ok = Context();
        await policy.CacheRequestAsync(ok, default);
        ok.HttpContext.Response.StatusCode = 200;
        await policy.ServeResponseAsync(ok, default);
        var missing = Context();
        await policy.CacheRequestAsync(missing, default);
        missing.HttpContext.Response.StatusCode = 404;
        await policy.ServeResponseAsync(missing, default);

        Assert.True(ok.AllowCacheStorage);
        Assert.False(missing.AllowCacheStorage);
    }

    [Theory]
    [InlineData("signed-in")]
    [InlineData("post")]
    [InlineData("notice")]
    public async Task Signed_in_people_posts_and_visitors_with_a_pending_notice_neither_read_nor_fill_the_cache(string who)
    {
        var context = Context(http =>
        {
            if (who == "signed-in") http.User = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, "x")], "cookie"));
            if (who == "post") http.Request.Method = "POST";
            if (who == "notice") http.Request.Headers.Cookie = ".AspNetCore.Mvc.CookieTempDataProvider=abc";
        });

        await new PublicPagePolicy().CacheRequestAsync(context, default);

        Assert.False(context.AllowCacheLookup);
        Assert.False(context.AllowCacheStorage);
    }
}
