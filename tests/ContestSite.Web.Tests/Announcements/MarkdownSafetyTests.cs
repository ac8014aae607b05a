using ContestSite.Web.Tests.Infrastructure;
using ContestSite.Web.Text;

namespace ContestSite.Web.Tests.Announcements;

public sealed class MarkdownSafetyTests
{
    private readonly MarkdownRenderer _renderer = new();

    [Fact]
    public void A_script_tag_in_the_markdown_is_removed_with_its_content()
    {
        var html = _renderer.ToSafeHtml("正文\n\n<script>alert('x')</script>\n\n结尾");
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("alert", html);
        Assert.Contains("结尾", html);
    }

    [Fact]
    public void An_onerror_handler_on_an_image_is_removed_and_the_image_kept()
    {
        var html = _renderer.ToSafeHtml("<img src=\"/logo.png\" onerror=\"alert(1)\" alt=\"标志\">");
        Assert.DoesNotContain("onerror", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("src=\"/logo.png\"", html);
    }

    [Theory]
    [InlineData("[x](javascript:alert(1))")]
    [InlineData("[x](JaVaScRiPt:alert(1))")]
    [InlineData("<a href=\"javascript:alert(1)\">x</a>")]
    [InlineData("[x](&#106;avascript:alert(1))")]
    public void A_javascript_link_loses_its_target(string markdown)
    {
        var html = _renderer.ToSafeHtml(markdown);
        Assert.DoesNotContain("javascript:", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("alert(1)", html.Replace(">x<", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("![x](data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=)")]
    [InlineData("<img src=\"data:image/png;base64,iVBORw0KGgo=\" alt=\"x\">")]
    [InlineData("[x](data:text/html,<script>alert(1)</script>)")]
    public void A_data_url_is_removed_from_images_and_links(string markdown)
    {
        Assert.DoesNotContain("data:", _renderer.ToSafeHtml(markdown), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void An_iframe_is_removed()
    {
        var html = _renderer.ToSafeHtml("<iframe src=\"https://evil.example\"></iframe>\n\n文字");
        Assert.DoesNotContain("<iframe", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("evil.example", html);
    }

    [Fact]
    public void Attributes_given_in_markdown_cannot_add_handlers_or_styles()
    {
        var html = _renderer.ToSafeHtml("# 标题 {onclick=\"alert(1)\" style=\"position:fixed\"}\n\n[链接](https://example.com){onmouseover=\"alert(2)\"}");
        Assert.DoesNotContain("onclick", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("onmouseover", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("style=", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Ordinary_markdown_keeps_its_headings_lists_tables_and_safe_links()
    {
        var html = _renderer.ToSafeHtml("## 赛程\n\n- 初赛\n- 复赛\n\n| 轮次 | 截止 |\n|---|---|\n| 初赛 | 10 月 31 日 |\n\n[报名](/account/register) [官网](https://data.zjzwfw.gov.cn)");
        Assert.Contains("<h2", html);
        Assert.Contains("<li>初赛</li>", html);
        Assert.Contains("<table>", html);
        Assert.Contains("href=\"/account/register\"", html);
        Assert.Contains("href=\"https://data.zjzwfw.gov.cn\"", html);
    }

    [Fact]
    public async Task An_announcement_with_every_kind_of_hostile_markup_is_published_without_any_of_it()
    {
        await using var site = await AnnouncementTestKit.SiteAsync();
        using var organizer = await site.OrganizerAsync();
        const string body = "开头\n\n<script>alert('s')</script>\n\n<img src=\"/x.png\" onerror=\"alert('e')\">\n\n[点我](javascript:alert('j'))\n\n"
            + "![图](data:image/png;base64,iVBORw0KGgo=)\n\n<iframe src=\"https://evil.example/frame\"></iframe>\n\n结尾";

        var id = await organizer.SaveAsync(AnnouncementTestKit.Fields("恶意内容测试", body));

        using var visitor = site.CreateSiteClient();
        var page = await visitor.GetAsync($"/announcements/{id}");
        var article = page.Html[page.Html.IndexOf("<article", StringComparison.Ordinal)..page.Html.IndexOf("</article>", StringComparison.Ordinal)];
        Assert.Contains("开头", article);
        Assert.Contains("结尾", article);
        foreach (var bad in new[] { "<script", "onerror", "javascript:", "data:", "<iframe", "evil.example", "alert(" })
            Assert.DoesNotContain(bad, article, StringComparison.OrdinalIgnoreCase);
        var feed = await visitor.GetAsync("/announcements/feed.atom");
        foreach (var bad in new[] { "&lt;script", "onerror", "javascript:", "data:image", "&lt;iframe" })
            Assert.DoesNotContain(bad, feed.Html, StringComparison.OrdinalIgnoreCase);
    }
}
