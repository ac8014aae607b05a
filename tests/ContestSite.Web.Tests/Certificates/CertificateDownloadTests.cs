using System.Net;
using ContestSite.Web.Tests.Infrastructure;
using PdfSharp.Pdf.IO;
using UglyToad.PdfPig;

namespace ContestSite.Web.Tests.Certificates;

/// <summary>The tests share one site with an awarded round and its certificates; each counts the downloads it makes itself.</summary>
public sealed class CertificateDownloadTests(IssuedRoundSite shared) : IClassFixture<IssuedRoundSite>
{
    [Fact]
    public async Task A_member_downloads_the_team_certificate_as_a_Chinese_PDF_with_its_code_QR_address_and_embedded_font()
    {
        var (site, round) = (shared.Site, shared.Round);
        var downloads = await site.AuditCountAsync("certificate.downloaded");
        var certificate = await site.CertificateOfAsync(round.Winner);
        using var captain = await site.CaptainOfAsync(round.Winner);

        using var response = await captain.Http.GetAsync($"/certificates/{certificate.Code}.pdf");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString());
        Assert.True(response.Headers.CacheControl?.Private);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.InRange(bytes.Length, 1_000, 500_000); // a subset of the font, not the whole of it

        using (var reopened = PdfReader.Open(new MemoryStream(bytes), PdfDocumentOpenMode.Import)) Assert.Equal(1, reopened.PageCount);
        using var pdf = PdfDocument.Open(bytes);
        var page = pdf.GetPage(1);
        var text = page.Text;
        foreach (var expected in new[]
                 {
                     "获奖证书", certificate.ContestName, "甲作品队", "王队长", "《甲作品》", certificate.RoundName, "一等奖", "2020年11月10日",
                     $"验证码：{certificate.Code[..4]}-{certificate.Code[4..8]}-{certificate.Code[8..12]}-{certificate.Code[12..]}",
                     $"{SiteFactory.PublicBaseUrl}/certificates/{certificate.Code}",
                 })
            Assert.Contains(expected, text);
        Assert.All(page.Letters, letter => Assert.Contains("WenQuanYi", letter.FontName));
        Assert.Equal(downloads + 1, await site.AuditCountAsync("certificate.downloaded"));
    }

    [Fact]
    public async Task An_organizer_downloads_any_certificate()
    {
        var (site, round) = (shared.Site, shared.Round);
        var downloads = await site.AuditCountAsync("certificate.downloaded");
        var certificate = await site.CertificateOfAsync(round.Special);
        using var organizer = await site.OrganizerAsync();

        using var response = await organizer.Http.GetAsync($"/certificates/{certificate.Code.ToLowerInvariant()}.pdf");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("%PDF-", System.Text.Encoding.ASCII.GetString(await response.Content.ReadAsByteArrayAsync(), 0, 5));
        Assert.Equal(downloads + 1, await site.AuditCountAsync("certificate.downloaded"));
    }

    [Fact]
    public async Task Another_team_member_and_an_anonymous_visitor_get_404_for_the_PDF_and_nothing_is_recorded_as_a_download()
    {
        var (site, round) = (shared.Site, shared.Round);
        var downloads = await site.AuditCountAsync("certificate.downloaded");
        var certificate = await site.CertificateOfAsync(round.Winner);
        using var otherTeam = await site.CaptainOfAsync(round.Unawarded);
        using var anonymous = site.CreateSiteClient();

        var stranger = await otherTeam.GetAsync($"/certificates/{certificate.Code}.pdf");
        var visitor = await anonymous.GetAsync($"/certificates/{certificate.Code}.pdf");
        var guessed = await otherTeam.GetAsync("/certificates/0000000000000000.pdf");

        Assert.Equal(HttpStatusCode.NotFound, stranger.Status);
        Assert.Equal(HttpStatusCode.NotFound, visitor.Status);
        Assert.Null(visitor.Location); // not sent to sign in: the address tells a stranger nothing
        Assert.Equal(HttpStatusCode.NotFound, guessed.Status);
        Assert.DoesNotContain("%PDF", stranger.Html + visitor.Html);
        Assert.Equal(downloads, await site.AuditCountAsync("certificate.downloaded"));
    }

    [Fact]
    public async Task The_team_page_lists_its_certificates_with_download_links_and_a_team_without_one_shows_no_section()
    {
        var (site, round) = (shared.Site, shared.Round);
        var certificate = await site.CertificateOfAsync(round.Winner);
        using var winner = await site.CaptainOfAsync(round.Winner);
        using var unawarded = await site.CaptainOfAsync(round.Unawarded);

        var page = await winner.GetAsync($"/teams/{await site.TeamOfAsync(round.Winner)}");
        var other = await unawarded.GetAsync($"/teams/{await site.TeamOfAsync(round.Unawarded)}");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("获奖证书", page.Text);
        Assert.Contains($"href=\"/certificates/{certificate.Code}.pdf\"", page.Html);
        Assert.Contains("一等奖", page.Text);
        Assert.Equal(HttpStatusCode.OK, other.Status);
        Assert.DoesNotContain("获奖证书", other.Text);
    }
}
