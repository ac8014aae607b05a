using System.Net;
using ContestSite.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static ContestSite.Web.Tests.Announcements.AnnouncementTestKit;

namespace ContestSite.Web.Tests.Announcements;

public sealed class AnnouncementAttachmentTests
{
    private static readonly byte[] Pdf = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"u8.ToArray();

    private static async Task<HttpResponseMessage> UploadAsync(SiteClient organizer, int id, byte[] content, string fileName)
    {
        var token = (await organizer.GetAsync($"/admin/announcements/edit/{id}")).AntiforgeryToken!;
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new ByteArrayContent(content), "upload", fileName },
        };
        return await organizer.Http.PostAsync($"/admin/announcements/edit/{id}?handler=Upload", form);
    }

    [Fact]
    public async Task A_pdf_attachment_is_served_as_a_download_with_its_stored_type_and_a_cleaned_name()
    {
        await using var site = await SiteAsync();
        using var organizer = await site.OrganizerAsync();
        var id = await organizer.SaveAsync(Fields("决赛名单", "见附件", category: "结果"));

        using var uploaded = await UploadAsync(organizer, id, Pdf, "../../名单\u202Efdp.pdf");

        Assert.Equal(HttpStatusCode.Redirect, uploaded.StatusCode);
        var file = Assert.Single((await site.FindAsync("决赛名单"))!.Attachments);
        Assert.Equal("名单fdp.pdf", file.FileName);
        using var visitor = site.CreateSiteClient();
        Assert.Contains($"/announcements/{id}/files/{file.Id}", (await visitor.GetAsync($"/announcements/{id}")).Html);
        using var download = await visitor.Http.GetAsync($"/announcements/{id}/files/{file.Id}");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("名单fdp.pdf", download.Content.Headers.ContentDisposition.FileNameStar);
        Assert.Equal("nosniff", download.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal(Pdf, await download.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task A_web_page_named_like_a_pdf_is_refused_with_a_message_and_nothing_is_stored()
    {
        await using var site = await SiteAsync();
        using var organizer = await site.OrganizerAsync();
        var id = await organizer.SaveAsync(Fields("伪装附件", "正文"));
        var storedBefore = StoredFileCount(site);

        using var refused = await UploadAsync(organizer, id, "<!DOCTYPE html><html><script>alert(1)</script></html>"u8.ToArray(), "规则.pdf");

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("附件只能是 PDF、PNG、JPEG 或 ZIP", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()));
        Assert.Empty((await site.FindAsync("伪装附件"))!.Attachments);
        Assert.Equal(storedBefore, StoredFileCount(site));
    }

    private static int StoredFileCount(SiteFactory site)
    {
        var folder = Path.Combine(site.AppDataPath, "files");
        return Directory.Exists(folder) ? Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Count() : 0;
    }

    [Fact]
    public async Task An_attachment_over_the_size_limit_is_refused_and_nothing_is_stored()
    {
        await using var site = await SiteFactory.CreateAsync(settings: s => s["ContestSite:Announcements:MaxAttachmentBytes"] = "1024");
        site.Clock.Set(DuringRegistration);
        using var organizer = await site.OrganizerAsync();
        var id = await organizer.SaveAsync(Fields("大附件", "正文"));
        var big = Pdf.Concat(new byte[4096]).ToArray();

        using var refused = await UploadAsync(organizer, id, big, "大.pdf");

        Assert.Contains("附件不能超过 1 KB", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()));
        Assert.Empty((await site.FindAsync("大附件"))!.Attachments);
    }

    [Fact]
    public async Task An_attachment_of_a_scheduled_announcement_cannot_be_downloaded_before_its_time()
    {
        await using var site = await SiteAsync();
        using var organizer = await site.OrganizerAsync();
        var at = site.Clock.GetUtcNow().AddDays(1);
        var id = await organizer.SaveAsync(Fields("明天的名单", "见附件", mode: "Schedule", publishAt: at));
        await UploadAsync(organizer, id, Pdf, "名单.pdf");
        var fileId = await site.WithDbAsync(db => db.AnnouncementAttachments.Where(f => f.AnnouncementId == id).Select(f => f.Id).SingleAsync());
        using var visitor = site.CreateSiteClient();

        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync($"/announcements/{id}/files/{fileId}")).Status);
        Assert.Equal(HttpStatusCode.OK, (await organizer.GetAsync($"/announcements/{id}/files/{fileId}")).Status);
        site.Clock.Set(at);
        Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync($"/announcements/{id}/files/{fileId}")).Status);
    }
}
