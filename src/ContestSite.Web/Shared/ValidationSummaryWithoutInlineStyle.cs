using Microsoft.AspNetCore.Razor.TagHelpers;

namespace ContestSite.Web.Shared;

/// <summary>
/// ASP.NET's validation summary, when it has no error to list, writes a placeholder item for client-side validation,
/// <c>&lt;li style="display:none"&gt;</c>. The site's policy (<c>style-src 'self'</c>) blocks that inline style, and
/// the browser reports it on every form page. The site has no client-side validation to fill the placeholder, so it
/// is dropped after the built-in tag helper ran (its order is -1000); the stylesheet hides the empty summary.
/// </summary>
[HtmlTargetElement("div", Attributes = "asp-validation-summary")]
public sealed class ValidationSummaryWithoutInlineStyle : TagHelper
{
    private const string Placeholder = "<li style=\"display:none\"></li>";

    public override int Order => 0;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var html = output.PostContent.GetContent();
        if (html.Contains(Placeholder, StringComparison.Ordinal)) output.PostContent.SetHtmlContent(html.Replace(Placeholder, "", StringComparison.Ordinal));
    }
}
