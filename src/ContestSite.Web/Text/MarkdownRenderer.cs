using Ganss.Xss;
using Markdig;

namespace ContestSite.Web.Text;

/// <summary>
/// Markdown to HTML that is safe to show: raw HTML in the source is kept only if the sanitizer allows it,
/// so no script, event handler, iframe, or javascript:/data: link survives.
/// </summary>
public sealed class MarkdownRenderer
{
    private readonly MarkdownPipeline _pipeline = new MarkdownPipelineBuilder().UseAdvancedExtensions().Build();
    private readonly HtmlSanitizer _sanitizer = CreateSanitizer();

    public string ToSafeHtml(string markdown) => _sanitizer.Sanitize(Markdown.ToHtml(markdown, _pipeline));

    private static HtmlSanitizer CreateSanitizer()
    {
        var sanitizer = new HtmlSanitizer();
        sanitizer.AllowedSchemes.Clear();
        sanitizer.AllowedSchemes.Add("https");
        sanitizer.AllowedSchemes.Add("http");
        sanitizer.AllowedSchemes.Add("mailto");
        sanitizer.AllowedTags.Remove("iframe");
        sanitizer.AllowedTags.Remove("form");
        sanitizer.AllowedAttributes.Remove("style");
        sanitizer.AllowDataAttributes = false;
        return sanitizer;
    }
}
