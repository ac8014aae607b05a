using System.Net;
using ContestSite.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace ContestSite.Web.Tests.Hosting;

public sealed class SiteTests
{
    [Theory]
    [InlineData(TestProvider.Sqlite)]
    [InlineData(TestProvider.Postgres)]
    public async Task Health_answers_200_when_the_database_is_reachable(TestProvider provider)
    {
        await using var site = await SiteFactory.CreateAsync(provider);
        using var client = site.CreateSiteClient();

        var page = await client.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("Healthy", page.Html);
    }

    [Fact]
    public async Task The_home_page_is_Chinese_written_as_characters_with_the_public_navigation()
    {
        await using var site = await SiteFactory.CreateAsync();
        using var client = site.CreateSiteClient();

        var page = await client.GetAsync("/");

        Assert.Contains("<html lang=\"zh-CN\">", page.Html);
        Assert.Contains("浙江省数据开放创新应用大赛", page.Html);
        Assert.DoesNotContain("&#x", page.Html);
        Assert.Contains("href=\"/announcements\"", page.Html);
        Assert.DoesNotContain("href=\"/admin\"", page.Html);
    }

    [Fact]
    public async Task Every_page_carries_the_security_headers()
    {
        await using var site = await SiteFactory.CreateAsync();
        using var client = site.CreateSiteClient();

        var page = await client.GetAsync("/");

        var csp = string.Join(";", page.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Contains("script-src 'self'", csp);
        Assert.Equal("nosniff", page.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("strict-origin-when-cross-origin", page.Headers.GetValues("Referrer-Policy").Single());
        Assert.Equal("DENY", page.Headers.GetValues("X-Frame-Options").Single());
    }

    [Fact]
    public async Task An_unknown_page_shows_the_friendly_404_page_with_a_request_id()
    {
        await using var site = await SiteFactory.CreateAsync();
        using var client = site.CreateSiteClient();

        var page = await client.GetAsync("/no/such/page");

        Assert.Equal(HttpStatusCode.NotFound, page.Status);
        Assert.Contains("页面不存在", page.Text);
        Assert.Contains("请求编号", page.Text);
    }

    [Fact]
    public async Task A_crash_shows_the_error_page_with_a_request_id_and_no_stack_trace()
    {
        await using var site = await SiteFactory.CreateAsync(services: s => s.AddSingleton<IStartupFilter>(new ThrowingEndpointFilter()));
        using var client = site.CreateClient();

        using var response = await client.GetAsync("/test-crash");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Contains("出错了", html);
        Assert.Contains("请求编号", html);
        Assert.DoesNotContain("secret detail", html);
        Assert.DoesNotContain("ThrowingEndpointFilter", html);
        Assert.DoesNotContain(" at ", html.Replace("at the", ""));
    }

    [Fact]
    public async Task No_response_over_a_real_socket_names_the_server_software()
    {
        // The in-process test server never writes Server; only Kestrel on a real port can show it is gone.
        await using var site = await SiteFactory.CreateAsync(realPort: true, services: s => s.AddSingleton<IStartupFilter>(new ThrowingEndpointFilter()));
        using var http = new HttpClient { BaseAddress = site.RootUri };
        var answers = new List<(string Url, HttpStatusCode Status, bool NamesServer)>();

        foreach (var url in new[] { "/", "/_content/ContestSite.Theme/css/site.css", "/api/datasets", "/healthz", "/no/such/page", "/test-crash" })
        {
            using var response = await http.GetAsync(url);
            answers.Add((url, response.StatusCode, response.Headers.Contains("Server")));
        }

        Assert.Contains(answers, a => a.Status == HttpStatusCode.OK);
        Assert.Contains(answers, a => a.Status == HttpStatusCode.NotFound);
        Assert.Contains(answers, a => a.Status == HttpStatusCode.InternalServerError);
        Assert.All(answers, a => Assert.False(a.NamesServer, a.Url));
    }

    private sealed class ThrowingEndpointFilter : IStartupFilter
    {
        // Added after the site's pipeline, so it runs behind the site's exception handler for a path no page claims.
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            next(app);
            app.Use((HttpContext context, RequestDelegate rest) => context.Request.Path == "/test-crash"
                ? throw new InvalidOperationException("secret detail")
                : rest(context));
        };
    }
}
