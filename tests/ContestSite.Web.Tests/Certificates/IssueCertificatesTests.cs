using ContestSite.Web.Certificates;
using ContestSite.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static ContestSite.Web.Tests.Judging.JudgingTestKit;

namespace ContestSite.Web.Tests.Certificates;

public sealed class IssueCertificatesTests
{
    [Theory]
    [InlineData(TestProvider.Sqlite)]
    [InlineData(TestProvider.Postgres)]
    public async Task Each_published_award_of_the_round_gets_one_certificate_with_its_texts_copied_and_an_audit_entry(TestProvider provider)
    {
        await using var site = await CertificatesTestKit.SiteAsync(provider);
        var round = await site.AwardedRoundAsync();
        var url = $"/admin/judging/rounds/{round.RoundId}/results";
        using (var organizer = await site.OrganizerAsync()) // given after the others were published: not published, so no certificate
            await organizer.PostFormAsync(url, new Dictionary<string, string> { ["submissionId"] = Id(round.Unawarded), ["level"] = "Third" }, url + "?handler=Award");

        var issued = await site.IssueAsync(round.RoundId);

        Assert.Equal(2, issued);
        var certificates = await site.CertificatesAsync();
        Assert.Equal(2, certificates.Count);
        var first = await site.CertificateOfAsync(round.Winner);
        Assert.Equal(await site.WithDbAsync(db => db.Contests.Select(c => c.Name).SingleAsync()), first.ContestName);
        Assert.Equal((await site.FirstRoundAsync()).Name, first.RoundName);
        Assert.Equal("甲作品队", first.TeamName);
        Assert.Equal("甲作品", first.EntryTitle);
        Assert.Equal("一等奖", first.AwardName);
        Assert.Equal("王队长", first.MemberNames);
        Assert.InRange(first.IssuedAt, CertificatesTestKit.AfterReviewClosed, CertificatesTestKit.AfterReviewClosed.AddHours(1));
        Assert.Null(first.RevokedAt);
        Assert.Equal("最佳数据应用奖", (await site.CertificateOfAsync(round.Special)).AwardName);
        Assert.All(certificates, c => Assert.True(CertificateCodes.TryNormalise(c.Code, out var same) && same == c.Code, c.Code));
        Assert.NotEqual(certificates[0].Code, certificates[1].Code);
        var audit = await site.WithDbAsync(db => db.AuditEntries.Where(e => e.Action == "certificate.issued").Select(e => new { e.Subject, e.TeamId }).ToListAsync());
        Assert.Equal(certificates.Select(c => ($"certificate:{c.Id}", (int?)c.TeamId)).Order(), audit.Select(a => (a.Subject!, a.TeamId)).Order());
    }

    [Fact]
    public async Task Issuing_a_second_time_issues_nothing_new_and_keeps_the_codes()
    {
        await using var site = await CertificatesTestKit.SiteAsync();
        var round = await site.AwardedRoundAsync();
        await site.IssueAsync(round.RoundId);
        var before = (await site.CertificatesAsync()).Select(c => (c.Id, c.Code)).ToList();

        var again = await site.IssueAsync(round.RoundId);

        Assert.Equal(0, again);
        Assert.Equal(before, (await site.CertificatesAsync()).Select(c => (c.Id, c.Code)).ToList());
        Assert.Equal(2, await site.AuditCountAsync("certificate.issued"));
    }

    [Fact]
    public async Task A_round_without_published_awards_gets_no_certificate()
    {
        await using var site = await CertificatesTestKit.SiteAsync();
        var entry = await site.EntryAsync("甲作品");
        var roundId = await site.FirstRoundIdAsync();
        var url = $"/admin/judging/rounds/{roundId}/results";
        using (var organizer = await site.OrganizerAsync())
            await organizer.PostFormAsync(url, new Dictionary<string, string> { ["submissionId"] = Id(entry), ["level"] = "First" }, url + "?handler=Award");

        Assert.Equal(0, await site.IssueAsync(roundId));
        Assert.Empty(await site.CertificatesAsync());
        Assert.Equal(0, await site.AuditCountAsync("certificate.issued"));
    }

    [Theory]
    [InlineData(TestProvider.Sqlite)]
    [InlineData(TestProvider.Postgres)]
    public async Task Two_issues_of_the_same_round_at_the_same_moment_end_with_one_certificate_per_award(TestProvider provider)
    {
        await using var site = await CertificatesTestKit.SiteAsync(provider);
        var round = await site.AwardedRoundAsync();

        var issued = await Task.WhenAll(site.IssueAsync(round.RoundId), site.IssueAsync(round.RoundId));

        Assert.Equal(2, issued.Sum());
        var certificates = await site.CertificatesAsync();
        Assert.Equal(2, certificates.Count);
        Assert.Equal(2, certificates.Select(c => c.AwardId).Distinct().Count());
        Assert.Equal(2, await site.AuditCountAsync("certificate.issued"));
    }
}
