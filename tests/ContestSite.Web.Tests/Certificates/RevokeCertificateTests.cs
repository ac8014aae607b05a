using System.Net;
using ContestSite.Web.Tests.Infrastructure;
using ContestSite.Web.Tests.Judging;
using Microsoft.EntityFrameworkCore;

namespace ContestSite.Web.Tests.Certificates;

public sealed class RevokeCertificateTests
{
    private const string Reason = "经核查，该作品使用了未经授权的数据。";

    [Theory]
    [InlineData(TestProvider.Sqlite)]
    [InlineData(TestProvider.Postgres)]
    public async Task A_revoked_certificate_says_so_publicly_no_longer_downloads_and_its_team_is_mailed(TestProvider provider)
    {
        await using var site = await CertificatesTestKit.SiteAsync(provider);
        var round = await site.AwardedRoundAsync();
        await site.IssueAsync(round.RoundId);
        var certificate = await site.CertificateOfAsync(round.Winner);
        using var organizer = await site.OrganizerAsync();
        Assert.Contains($"/admin/judging/rounds/{round.RoundId}/certificates", (await organizer.GetAsync($"/admin/judging/rounds/{round.RoundId}/results")).Html);

        var revoked = await organizer.RevokeAsync(round.RoundId, certificate.Id, Reason);

        Assert.Equal(HttpStatusCode.Redirect, revoked.Status);
        using var anonymous = site.CreateSiteClient();
        var page = await anonymous.GetAsync($"/certificates/{certificate.Code}");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("证书已撤销", page.Text);
        Assert.Contains(Reason, page.Text);
        Assert.Contains("2020-11-10", page.Text);
        Assert.DoesNotContain("证书有效", page.Text);
        using var captain = await site.CaptainOfAsync(round.Winner);
        var download = await captain.GetAsync($"/certificates/{certificate.Code}.pdf");
        Assert.Equal(HttpStatusCode.Gone, download.Status);
        Assert.Contains("证书已撤销", download.Text);
        Assert.DoesNotContain("%PDF", download.Html);
        Assert.Equal(0, await site.AuditCountAsync("certificate.downloaded"));
        var mail = await site.Smtp.WaitForAsync(await site.CaptainEmailAsync(round.Winner), m => m.Subject?.Contains("获奖证书已撤销") == true);
        Assert.Contains(Reason, mail.TextBody);
        Assert.Contains($"{SiteFactory.PublicBaseUrl}/certificates/{certificate.Code}", mail.TextBody);
        var stored = await site.CertificateOfAsync(round.Winner);
        Assert.Equal(Reason, stored.RevokedReason);
        Assert.NotNull(stored.RevokedAt);
        Assert.Null((await site.CertificateOfAsync(round.Special)).RevokedAt);
        Assert.Equal(1, await site.AuditCountAsync("certificate.revoked"));
        Assert.Contains("撤销", (await captain.GetAsync($"/teams/{certificate.TeamId}")).Text);
    }

    [Fact]
    public async Task A_member_who_reads_English_gets_the_revocation_mail_in_English()
    {
        await using var site = await CertificatesTestKit.SiteAsync();
        var round = await site.AwardedRoundAsync();
        await site.IssueAsync(round.RoundId);
        var certificate = await site.CertificateOfAsync(round.Special);
        var email = await site.CaptainEmailAsync(round.Special);
        await site.WithDbAsync(db => db.Users.Where(u => u.Email == email).ExecuteUpdateAsync(s => s.SetProperty(u => u.PreferredCulture, "en-US")));
        using var organizer = await site.OrganizerAsync();

        await organizer.RevokeAsync(round.RoundId, certificate.Id, Reason);

        var mail = await site.Smtp.WaitForAsync(email, m => m.Subject?.Contains("has been revoked") == true);
        Assert.Contains("The award certificate of team \"乙作品队\" has been revoked", mail.Subject);
        Assert.Contains($"Reason: {Reason}", mail.TextBody);
        Assert.Contains(certificate.Code, mail.TextBody);
    }

    [Fact]
    public async Task Revoking_twice_is_refused_with_a_message_and_changes_nothing()
    {
        await using var site = await CertificatesTestKit.SiteAsync();
        var round = await site.AwardedRoundAsync();
        await site.IssueAsync(round.RoundId);
        var certificate = await site.CertificateOfAsync(round.Winner);
        using var organizer = await site.OrganizerAsync();
        await organizer.RevokeAsync(round.RoundId, certificate.Id, Reason);
        var first = await site.CertificateOfAsync(round.Winner);
        var mails = await site.WithDbAsync(db => db.Outbox.CountAsync());

        var again = await organizer.RevokeAsync(round.RoundId, certificate.Id, "另一个原因");

        Assert.Equal(HttpStatusCode.OK, again.Status);
        Assert.Contains("不能重复撤销", again.Text);
        var after = await site.CertificateOfAsync(round.Winner);
        Assert.Equal((first.RevokedAt, first.RevokedReason), (after.RevokedAt, after.RevokedReason));
        Assert.Equal(mails, await site.WithDbAsync(db => db.Outbox.CountAsync()));
        Assert.Equal(1, await site.AuditCountAsync("certificate.revoked"));
    }

    [Fact]
    public async Task A_revocation_without_a_reason_with_a_reason_too_long_or_of_another_round_is_refused_and_changes_nothing()
    {
        await using var site = await CertificatesTestKit.SiteAsync();
        var round = await site.AwardedRoundAsync();
        await site.IssueAsync(round.RoundId);
        var certificate = await site.CertificateOfAsync(round.Winner);
        var otherRound = await site.WithDbAsync(db => db.Rounds.Where(r => r.Id != round.RoundId).Select(r => r.Id).FirstAsync());
        using var organizer = await site.OrganizerAsync();

        var empty = await organizer.RevokeAsync(round.RoundId, certificate.Id, "   ");
        var tooLong = await organizer.RevokeAsync(round.RoundId, certificate.Id, new string('长', 501));
        var elsewhere = await organizer.RevokeAsync(otherRound, certificate.Id, Reason);

        Assert.Contains("请填写撤销原因", empty.Text);
        Assert.Contains("撤销原因最多 500 个字", tooLong.Text);
        Assert.Contains("本轮没有这张证书", elsewhere.Text);
        Assert.Null((await site.CertificateOfAsync(round.Winner)).RevokedAt);
        Assert.Equal(0, await site.AuditCountAsync("certificate.revoked"));
    }

    [Fact]
    public async Task Only_organizers_reach_the_certificates_page_of_a_round()
    {
        await using var site = await CertificatesTestKit.SiteAsync();
        var round = await site.AwardedRoundAsync();
        await site.IssueAsync(round.RoundId);
        var certificate = await site.CertificateOfAsync(round.Winner);
        using var captain = await site.CaptainOfAsync(round.Winner);
        using var organizer = await site.OrganizerAsync();

        var forbidden = await captain.GetAsync($"/admin/judging/rounds/{round.RoundId}/certificates");
        var listed = await organizer.GetAsync($"/admin/judging/rounds/{round.RoundId}/certificates");

        Assert.NotEqual(HttpStatusCode.OK, forbidden.Status);
        Assert.DoesNotContain(certificate.Code, forbidden.Html);
        Assert.Equal(HttpStatusCode.OK, listed.Status);
        Assert.Contains($"/certificates/{certificate.Code}.pdf", listed.Html);
        Assert.Contains("甲作品队", listed.Text);
    }
}
