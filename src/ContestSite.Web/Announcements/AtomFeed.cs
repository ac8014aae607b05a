using System.Text;
using System.Xml;
using ContestSite.Data;
using ContestSite.Web.Hosting;
using ContestSite.Web.Text;
using Microsoft.EntityFrameworkCore;

namespace ContestSite.Web.Announcements;

/// <summary>
/// The announcements as an Atom 1.0 feed (RFC 4287): only visible ones, newest first, absolute links,
/// content as the same sanitized HTML the pages show.
/// </summary>
public static class AtomFeed
{
    private const string AtomNamespace = "http://www.w3.org/2005/Atom";
    private const int EntryCount = 30;

    public static async Task WriteAsync(HttpContext http, ContestDbContext db, MarkdownRenderer markdown, TimeProvider clock, PublicUrls urls)
    {
        var now = clock.GetUtcNow();
        var items = await db.Announcements.AsNoTracking().VisibleAt(now)
            .OrderByDescending(a => a.PublishAt).ThenByDescending(a => a.Id).Take(EntryCount).ToListAsync(http.RequestAborted);
        // From the setting, not the request: a cached feed must not carry the host a forged request named.
        var origin = urls.BaseUrl;
        var updated = items.Count == 0 ? now : items.Max(a => Latest(a.PublishAt!.Value, a.UpdatedAt));

        http.Response.ContentType = "application/atom+xml; charset=utf-8";
        // Built in memory (30 entries at most), then sent asynchronously: Kestrel refuses synchronous writes.
        using var buffer = new MemoryStream();
        using (var xml = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true }))
        {
            Write(xml, items, origin, updated, markdown);
        }
        buffer.Position = 0;
        await buffer.CopyToAsync(http.Response.Body, http.RequestAborted);
    }

    private static void Write(XmlWriter xml, List<Core.Announcements.Announcement> items, string origin, DateTimeOffset updated, MarkdownRenderer markdown)
    {
        xml.WriteStartDocument();
        xml.WriteStartElement("feed", AtomNamespace);
        xml.WriteAttributeString("xml", "lang", null, "zh-CN");
        xml.WriteElementString("id", AtomNamespace, origin + "/announcements");
        xml.WriteElementString("title", AtomNamespace, "浙江省数据开放创新应用大赛 · 公告");
        xml.WriteElementString("updated", AtomNamespace, Rfc3339(updated));
        WriteLink(xml, "self", origin + "/announcements/feed.atom", "application/atom+xml");
        WriteLink(xml, "alternate", origin + "/announcements", "text/html");
        xml.WriteStartElement("author", AtomNamespace);
        xml.WriteElementString("name", AtomNamespace, "浙江省数据开放创新应用大赛组委会");
        xml.WriteEndElement();
        foreach (var a in items) WriteEntry(xml, a, origin, markdown);
        xml.WriteEndElement();
        xml.WriteEndDocument();
    }

    private static void WriteEntry(XmlWriter xml, Core.Announcements.Announcement a, string origin, MarkdownRenderer markdown)
    {
        var url = $"{origin}/announcements/{a.Id}";
        xml.WriteStartElement("entry", AtomNamespace);
        xml.WriteElementString("id", AtomNamespace, url);
        xml.WriteElementString("title", AtomNamespace, a.Title);
        xml.WriteElementString("published", AtomNamespace, Rfc3339(a.PublishAt!.Value));
        xml.WriteElementString("updated", AtomNamespace, Rfc3339(Latest(a.PublishAt!.Value, a.UpdatedAt)));
        WriteLink(xml, "alternate", url, "text/html");
        xml.WriteStartElement("category", AtomNamespace);
        xml.WriteAttributeString("term", a.Category);
        xml.WriteEndElement();
        xml.WriteStartElement("content", AtomNamespace);
        xml.WriteAttributeString("type", "html");
        xml.WriteString(markdown.ToSafeHtml(a.BodyMarkdown));
        xml.WriteEndElement();
        xml.WriteEndElement();
    }

    private static void WriteLink(XmlWriter xml, string rel, string href, string type)
    {
        xml.WriteStartElement("link", AtomNamespace);
        xml.WriteAttributeString("rel", rel);
        xml.WriteAttributeString("type", type);
        xml.WriteAttributeString("href", href);
        xml.WriteEndElement();
    }

    private static DateTimeOffset Latest(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    private static string Rfc3339(DateTimeOffset moment) => ContestTime.Iso(moment);
}
