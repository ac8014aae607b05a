using System.Net;
using ContestSite.Web.Localization;
using Microsoft.Extensions.Localization;

namespace ContestSite.Web.Email;

/// <summary>
/// Builds the text and HTML of an email in the recipient's language. Every value put into the HTML is
/// encoded, so a name with markup shows as text.
/// </summary>
public sealed class EmailTemplates(IStringLocalizerFactory localizers)
{
    private readonly IStringLocalizer _text = localizers.Create(typeof(EmailTemplates));

    /// <summary>
    /// A message of a greeting, paragraphs and an optional action link. Paragraph texts are localizer
    /// keys with <c>{0}</c>-style arguments.
    /// </summary>
    public EmailMessage Build(string culture, string toAddress, string? toName, string subjectKey, IReadOnlyList<(string Key, object[] Args)> paragraphs,
        (string LabelKey, string Url)? action = null, params object[] subjectArgs)
    {
        return SiteCultures.With(culture, () =>
        {
            var subject = _text[subjectKey, subjectArgs].Value;
            var greeting = _text["{0}，您好：", toName ?? toAddress].Value;
            var lines = paragraphs.Select(p => _text[p.Key, p.Args].Value).ToList();
            var signature = _text["浙江省数据开放创新应用大赛组委会"].Value;
            var note = _text["此邮件由系统自动发送，请勿直接回复。"].Value;

            var text = new System.Text.StringBuilder();
            text.AppendLine(greeting).AppendLine();
            foreach (var line in lines) text.AppendLine(line).AppendLine();
            if (action is { } a) text.AppendLine($"{_text[a.LabelKey].Value}: {a.Url}").AppendLine();
            text.AppendLine(signature).AppendLine(note);

            var html = new System.Text.StringBuilder();
            html.Append("<!DOCTYPE html><html><body style=\"font-family:sans-serif;line-height:1.6\">");
            html.Append("<p>").Append(WebUtility.HtmlEncode(greeting)).Append("</p>");
            foreach (var line in lines) html.Append("<p>").Append(WebUtility.HtmlEncode(line)).Append("</p>");
            if (action is { } b)
                html.Append("<p><a href=\"").Append(WebUtility.HtmlEncode(b.Url)).Append("\">")
                    .Append(WebUtility.HtmlEncode(_text[b.LabelKey].Value)).Append("</a></p>");
            html.Append("<p>").Append(WebUtility.HtmlEncode(signature)).Append("<br><small>")
                .Append(WebUtility.HtmlEncode(note)).Append("</small></p></body></html>");
            return new EmailMessage(toAddress, toName, subject, text.ToString(), html.ToString());
        });
    }
}
