using System.Net;
using Lucene.Net.Search.Highlight;

namespace ContestSite.Search;

/// <summary>
/// Encodes only what HTML needs (&lt; &gt; &amp; quotes); Lucene's SimpleHTMLEncoder also turns every
/// Chinese character into a numeric entity, which is valid but triples the payload and is unreadable in JSON.
/// </summary>
internal sealed class ReadableHtmlEncoder : IEncoder
{
    public string EncodeText(string originalText) => WebUtility.HtmlEncode(originalText);
}
