using System.Net;
using ContestSite.Web.Tests.Infrastructure;

namespace ContestSite.Web.Tests.Certificates;

/// <summary>The tests only read: they share one site with an awarded round and its certificates; the throttling test has its own.</summary>
public sealed class CertificateVerificationTests(IssuedRoundSite shared) : IClassFixture<IssuedRoundSite>
{
    private SiteFactory Site => shared.Site;
    private AwardedRound Round => shared.Round;

    [Fact]
    public async Task Anyone_sees_a_valid_certificate_confirmed_with_its_contest_round_team_entry_award_and_date_but_no_member_names()
    {
        var (site, round) = (Site, Round);
        var certificate = await site.CertificateOfAsync(round.Winner);
        using var anonymous = site.CreateSiteClient();

        // Typed in lower case with spaces around it, as a person might.
        var page = await anonymous.GetAsync($"/certificates/{Uri.EscapeDataString(" " + certificate.Code.ToLowerInvariant() + " ")}");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("证书有效", page.Text);
        foreach (var expected in new[] { certificate.ContestName, certificate.RoundName, "甲作品队", "甲作品", "一等奖", "2020-11-10" })
            Assert.Contains(expected, page.Text);
        Assert.DoesNotContain("王队长", page.Text);
        Assert.DoesNotContain("证书已撤销", page.Text);
    }

    [Fact]
    public async Task The_lookup_form_finds_a_code_typed_with_hyphens()
    {
        var (site, round) = (Site, Round);
        var code = (await site.CertificateOfAsync(round.Special)).Code;
        using var anonymous = site.CreateSiteClient();

        var form = await anonymous.GetAsync("/certificates");
        var found = await anonymous.GetAsync($"/certificates?code={code[..4]}-{code[4..8]}-{code[8..12]}-{code[12..]}");

        Assert.Equal(HttpStatusCode.OK, form.Status);
        Assert.Contains("name=\"code\"", form.Html);
        Assert.DoesNotContain("未找到该证书", form.Text);
        Assert.Equal(HttpStatusCode.OK, found.Status);
        Assert.Contains("最佳数据应用奖", found.Text);
    }

    [Theory]
    [InlineData("0000000000000000")]                    // the right shape, never issued
    [InlineData("..%2F..%2Fetc%2Fpasswd")]              // a path
    [InlineData("%E8%AF%81%E4%B9%A6%E8%AF%81%E4%B9%A6")] // 证书证书
    [InlineData("%20")]                                 // empty once trimmed
    [InlineData("?code=")]                              // the form sent empty
    [InlineData("?code=%F0%9F%8E%89%F0%9F%8E%89%F0%9F%8E%89%F0%9F%8E%89%F0%9F%8E%89%F0%9F%8E%89%F0%9F%8E%89%F0%9F%8E%89")] // emoji
    public async Task An_unknown_or_malformed_code_gets_the_not_found_page_with_404(string code)
    {
        var site = Site;
        using var anonymous = site.CreateSiteClient();

        var page = await anonymous.GetAsync("/certificates" + (code.StartsWith('?') ? code : "/" + code));

        Assert.Equal(HttpStatusCode.NotFound, page.Status);
        Assert.Contains("未找到该证书", page.Text);
    }

    [Fact]
    public async Task A_very_long_code_gets_the_not_found_page_and_the_site_keeps_answering()
    {
        var site = Site;
        using var anonymous = site.CreateSiteClient();

        var page = await anonymous.GetAsync("/certificates/" + new string('A', 4000));
        var pdf = await anonymous.GetAsync("/certificates/" + new string('A', 4000) + ".pdf");
        var after = await anonymous.GetAsync("/certificates/0000000000000000");

        Assert.Equal(HttpStatusCode.NotFound, page.Status);
        Assert.Contains("未找到该证书", page.Text);
        Assert.Equal(HttpStatusCode.NotFound, pdf.Status);
        Assert.Equal(HttpStatusCode.NotFound, after.Status);
    }

    [Fact]
    public async Task The_verification_page_is_throttled_per_client_address()
    {
        await using var site = await CertificatesTestKit.SiteAsync(settings: SiteFactory.UseRealThrottleLimits);
        using var guesser = site.CreateSiteClient(IPAddress.Parse("203.0.113.7"));
        using var neighbour = site.CreateSiteClient(IPAddress.Parse("203.0.113.8"));

        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 31; i++) answers.Add((await guesser.GetAsync($"/certificates/{i:D16}")).Status);
        var other = await neighbour.GetAsync("/certificates/0000000000000000");

        Assert.All(answers.Take(30), status => Assert.Equal(HttpStatusCode.NotFound, status));
        Assert.Equal(HttpStatusCode.TooManyRequests, answers[30]);
        Assert.Equal(HttpStatusCode.NotFound, other.Status);
    }

    [Fact]
    public async Task The_verification_page_reads_in_English_for_an_English_visitor()
    {
        var (site, round) = (Site, Round);
        var certificate = await site.CertificateOfAsync(round.Winner);
        using var visitor = site.CreateSiteClient();

        var page = await visitor.GetAsync($"/certificates/{certificate.Code}?culture=en-US");
        var missing = await visitor.GetAsync("/certificates/0000000000000000?culture=en-US");

        Assert.Contains("Valid certificate", page.Text);
        Assert.Contains("Date of issue", page.Text);
        Assert.Contains("Certificate not found", missing.Text);
    }
}
