using System.Net;
using ContestSite.Web.Tests.Files;
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

    [Fact]
    public async Task A_zip_attachment_whose_local_header_hides_another_name_is_refused_and_nothing_is_stored()
    {
        await using var site = await SiteAsync();
        using var organizer = await site.OrganizerAsync();
        var id = await organizer.SaveAsync(Fields("数据说明", "见附件"));
        var storedBefore = StoredFileCount(site);
        var zip = HandMadeZip.Write(new HandMadeZip.Entry("说明.txt", "字段说明"u8.ToArray()) { LocalName = "../../../../x.sh" });

        using var refused = await UploadAsync(organizer, id, zip, "说明.zip");

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("压缩包中的“说明.txt”本地文件头里的名称与目录记录不同，疑似伪造的压缩包", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()));
        Assert.Empty((await site.FindAsync("数据说明"))!.Attachments);
        Assert.Equal(storedBefore, StoredFileCount(site));
    }

    [Fact]
    public async Task A_zip_attachment_that_inflates_past_its_declared_size_is_refused()
    {
        await using var site = await SiteAsync();
        using var organizer = await site.OrganizerAsync();
        var id = await organizer.SaveAsync(Fields("样例数据", "见附件"));
        var zip = HandMadeZip.Write(new HandMadeZip.Entry("data.csv", new byte[8 * 1024 * 1024]) { DeclaredSize = 1000 });

        using var refused = await UploadAsync(organizer, id, zip, "样例.zip");

        Assert.Contains("压缩包中的“data.csv”实际大小与目录记录不符，疑似伪造的压缩包", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()));
        Assert.Empty((await site.FindAsync("样例数据"))!.Attachments);
    }

    [Fact]
    public async Task An_honest_zip_attachment_is_inspected_and_kept_whole()
    {
        await using var site = await SiteAsync();
        using var organizer = await site.OrganizerAsync();
        var id = await organizer.SaveAsync(Fields("模板下载", "见附件"));
        var zip = TestZips.WithFiles(("模板/方案书模板.txt", "一、项目背景"u8.ToArray()), ("模板/说明.md", "# 说明"u8.ToArray()));

        using var uploaded = await UploadAsync(organizer, id, zip, "模板.zip");

        Assert.Equal(HttpStatusCode.Redirect, uploaded.StatusCode);
        var file = Assert.Single((await site.FindAsync("模板下载"))!.Attachments);
        using var visitor = site.CreateSiteClient();
        Assert.Equal(zip, await (await visitor.Http.GetAsync($"/announcements/{id}/files/{file.Id}")).Content.ReadAsByteArrayAsync());
    }

    private static int StoredFileCount(SiteFactory site)
    {
        var folder = Path.Combine(site.AppDataPath, "files");
        return Directory.Exists(folder) ? Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Count() : 0;
    }

    [Fact]
    public async Task An_attachment_over_the_size_limit_is_refused_and_nothing_is_stored()
    {
        await using var site = await SiteFactory.CreateAsync(settings: s => s["ContestSite:Announcements:MaxAttachmentBytes"] = "1024", now: DuringRegistration);
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
        site.Clock.SetUtcNow(at);
        Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync($"/announcements/{id}/files/{fileId}")).Status);
    }
}
