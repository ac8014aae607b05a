using System.Net;
using ContestSite.Web.Tests.Infrastructure;
using ContestSite.Web.Tests.Judging;
using Microsoft.EntityFrameworkCore;

namespace ContestSite.Web.Tests.Certificates;

/// <summary>
/// The tests share one site whose round has an awarded entry for each of them: every test revokes (or fails to revoke)
/// a certificate of its own and counts what it did against what was there before. The PostgreSQL row has its own site.
/// </summary>
public sealed class RevokeCertificateTests(RevokeCertificateTests.OneCertificateEach shared) : IClassFixture<RevokeCertificateTests.OneCertificateEach>
{
    private const string Reason = "经核查，该作品使用了未经授权的数据。";

    /// <summary>Five entries, each awarded and published with the provisional results, their certificates issued.</summary>
    public sealed record RevocationRound(int RoundId, int Revoked, int InEnglish, int Twice, int Refused, int Listed);

    public sealed class OneCertificateEach : SharedSite
    {
        public RevocationRound Round { get; private set; } = null!;

        protected override async Task<SiteFactory> StartAsync()
        {
            var site = await CertificatesTestKit.SiteAsync();
            Round = await RevocationRoundAsync(site);
            return site;
        }
    }

    private static async Task<RevocationRound> RevocationRoundAsync(SiteFactory site)
    {
        int revoked = await site.EntryAsync("甲作品"), inEnglish = await site.EntryAsync("乙作品"), twice = await site.EntryAsync("丙作品"),
            refused = await site.EntryAsync("丁作品"), listed = await site.EntryAsync("戊作品");
        var roundId = await site.FirstRoundIdAsync();
        await site.PublishAwardsAsync(roundId, (revoked, "First", null), (inEnglish, "Special", "最佳数据应用奖"), (twice, "Second", null),
            (refused, "Third", null), (listed, "Excellence", null));
        await site.IssueAsync(roundId);
        return new RevocationRound(roundId, revoked, inEnglish, twice, refused, listed);
    }

    [Theory]
    [InlineData(TestProvider.Sqlite)]
    [InlineData(TestProvider.Postgres)]
    public async Task A_revoked_certificate_says_so_publicly_no_longer_downloads_and_its_team_is_mailed(TestProvider provider)
    {
        await using var own = provider == TestProvider.Sqlite ? null : await CertificatesTestKit.SiteAsync(provider);
        var site = own ?? shared.Site;
        var round = own is null ? shared.Round : await RevocationRoundAsync(own);
        var certificate = await site.CertificateOfAsync(round.Revoked);
        var (revocations, downloads) = (await site.AuditCountAsync("certificate.revoked"), await site.AuditCountAsync("certificate.downloaded"));
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
        using var captain = await site.CaptainOfAsync(round.Revoked);
        var download = await captain.GetAsync($"/certificates/{certificate.Code}.pdf");
        Assert.Equal(HttpStatusCode.Gone, download.Status);
        Assert.Contains("证书已撤销", download.Text);
        Assert.DoesNotContain("%PDF", download.Html);
        Assert.Equal(downloads, await site.AuditCountAsync("certificate.downloaded"));
        var mail = await site.Smtp.WaitForAsync(await site.CaptainEmailAsync(round.Revoked), m => m.Subject?.Contains("获奖证书已撤销") == true);
        Assert.Contains(Reason, mail.TextBody);
        Assert.Contains($"{SiteFactory.PublicBaseUrl}/certificates/{certificate.Code}", mail.TextBody);
        var stored = await site.CertificateOfAsync(round.Revoked);
        Assert.Equal(Reason, stored.RevokedReason);
        Assert.NotNull(stored.RevokedAt);
        Assert.Null((await site.CertificateOfAsync(round.Listed)).RevokedAt);
        Assert.Equal(revocations + 1, await site.AuditCountAsync("certificate.revoked"));
        Assert.Contains("撤销", (await captain.GetAsync($"/teams/{certificate.TeamId}")).Text);
    }

    [Fact]
    public async Task A_member_who_reads_English_gets_the_revocation_mail_in_English()
    {
        var (site, round) = (shared.Site, shared.Round);
        var certificate = await site.CertificateOfAsync(round.InEnglish);
        var email = await site.CaptainEmailAsync(round.InEnglish);
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
        var (site, round) = (shared.Site, shared.Round);
        var certificate = await site.CertificateOfAsync(round.Twice);
        var revocations = await site.AuditCountAsync("certificate.revoked");
        using var organizer = await site.OrganizerAsync();
        await organizer.RevokeAsync(round.RoundId, certificate.Id, Reason);
        var first = await site.CertificateOfAsync(round.Twice);
        var mails = await site.WithDbAsync(db => db.Outbox.CountAsync());

        var again = await organizer.RevokeAsync(round.RoundId, certificate.Id, "另一个原因");

        Assert.Equal(HttpStatusCode.OK, again.Status);
        Assert.Contains("不能重复撤销", again.Text);
        var after = await site.CertificateOfAsync(round.Twice);
        Assert.NotNull(first.RevokedAt);
        Assert.Equal((first.RevokedAt, first.RevokedReason), (after.RevokedAt, after.RevokedReason));
        Assert.Equal(mails, await site.WithDbAsync(db => db.Outbox.CountAsync()));
        Assert.Equal(revocations + 1, await site.AuditCountAsync("certificate.revoked"));
    }

    [Fact]
    public async Task A_revocation_without_a_reason_with_a_reason_too_long_or_of_another_round_is_refused_and_changes_nothing()
    {
        var (site, round) = (shared.Site, shared.Round);
        var certificate = await site.CertificateOfAsync(round.Refused);
        var revocations = await site.AuditCountAsync("certificate.revoked");
        var otherRound = await site.WithDbAsync(db => db.Rounds.Where(r => r.Id != round.RoundId).Select(r => r.Id).FirstAsync());
        using var organizer = await site.OrganizerAsync();

        var empty = await organizer.RevokeAsync(round.RoundId, certificate.Id, "   ");
        var tooLong = await organizer.RevokeAsync(round.RoundId, certificate.Id, new string('长', 501));
        var elsewhere = await organizer.RevokeAsync(otherRound, certificate.Id, Reason);

        Assert.Contains("请填写撤销原因", empty.Text);
        Assert.Contains("撤销原因最多 500 个字", tooLong.Text);
        Assert.Contains("本轮没有这张证书", elsewhere.Text);
        Assert.Null((await site.CertificateOfAsync(round.Refused)).RevokedAt);
        Assert.Equal(revocations, await site.AuditCountAsync("certificate.revoked"));
    }

    [Fact]
    public async Task Only_organizers_reach_the_certificates_page_of_a_round()
    {
        var (site, round) = (shared.Site, shared.Round);
        var certificate = await site.CertificateOfAsync(round.Listed);
        using var captain = await site.CaptainOfAsync(round.Listed);
        using var organizer = await site.OrganizerAsync();

        var forbidden = await captain.GetAsync($"/admin/judging/rounds/{round.RoundId}/certificates");
        var listed = await organizer.GetAsync($"/admin/judging/rounds/{round.RoundId}/certificates");

        Assert.NotEqual(HttpStatusCode.OK, forbidden.Status);
        Assert.DoesNotContain(certificate.Code, forbidden.Html);
        Assert.Equal(HttpStatusCode.OK, listed.Status);
        Assert.Contains($"/certificates/{certificate.Code}.pdf", listed.Html);
        Assert.Contains("戊作品队", listed.Text);
    }
}
