using System.Net;
using System.Text.RegularExpressions;
using MimeKit;

namespace ContestSite.Web.Tests.Infrastructure;

public static partial class MailLinks
{
    /// <summary>The path and query of the first link to this site in the mail's text body.</summary>
    public static string FirstLocalLink(MimeMessage message)
    {
        var text = message.TextBody ?? throw new InvalidOperationException("The mail has no text body");
        var match = LinkPattern().Match(text);
        if (!match.Success) throw new InvalidOperationException("The mail has no link: " + text);
        return new Uri(WebUtility.HtmlDecode(match.Value)).PathAndQuery;
    }

    /// <summary>Every absolute link in the mail, from its text and its HTML body.</summary>
    public static IReadOnlyList<string> All(MimeMessage message) =>
        new[] { message.TextBody, message.HtmlBody }.Where(body => body is not null)
            .SelectMany(body => LinkPattern().Matches(body!).Select(m => WebUtility.HtmlDecode(m.Value))).ToList();

    [GeneratedRegex(@"https?://[^\s""<>]+")]
    private static partial Regex LinkPattern();
}
