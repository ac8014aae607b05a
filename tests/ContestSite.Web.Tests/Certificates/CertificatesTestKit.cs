using ContestSite.Core.Judging;
using ContestSite.Web.Certificates.UseCases;
using ContestSite.Web.Seasons;
using ContestSite.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static ContestSite.Web.Tests.Judging.JudgingTestKit;

namespace ContestSite.Web.Tests.Certificates;

/// <summary>A round with real awards: two entries awarded and published (with the provisional results) through the organizer's results page, a third without an award.</summary>
public sealed record AwardedRound(int RoundId, int Winner, int Special, int Unawarded);

/// <summary>
/// One site for a class whose tests only read an awarded round (<see cref="CertificatesTestKit.AwardedRoundAsync"/>)
/// with its certificates issued, or count what they do themselves.
/// </summary>
public sealed class IssuedRoundSite : SharedSite
{
    public AwardedRound Round { get; private set; } = null!;

    protected override async Task<SiteFactory> StartAsync()
    {
        var site = await CertificatesTestKit.SiteAsync();
        Round = await site.AwardedRoundAsync();
        await site.IssueAsync(Round.RoundId);
        return site;
    }
}

/// <summary>The builders of the certificate tests.</summary>
public static class CertificatesTestKit
{
    /// <summary>An hour after 初赛's review closed: awards are published once scores are frozen.</summary>
    public static readonly DateTimeOffset AfterReviewClosed = AfterReview.AddHours(1);

    public static Task<SiteFactory> SiteAsync(TestProvider provider = TestProvider.Sqlite, Action<Dictionary<string, string?>>? settings = null) =>
        SiteFactory.CreateAsync(provider, settings: settings, now: AfterReviewClosed);

    /// <summary>甲作品 gets 一等奖 and 乙作品 a special award through the results page, both published; 丙作品 gets nothing.</summary>
    public static async Task<AwardedRound> AwardedRoundAsync(this SiteFactory site)
    {
        int winner = await site.EntryAsync("甲作品"), special = await site.EntryAsync("乙作品"), unawarded = await site.EntryAsync("丙作品");
        var roundId = await site.FirstRoundIdAsync();
        await site.PublishAwardsAsync(roundId, (winner, "First", null), (special, "Special", "最佳数据应用奖"));
        return new AwardedRound(roundId, winner, special, unawarded);
    }

    /// <summary>Gives each entry its award through the results page, as an organizer does, and publishes them with the provisional results.</summary>
    public static async Task PublishAwardsAsync(this SiteFactory site, int roundId, params (int Entry, string Level, string? Name)[] awards)
    {
        var url = $"/admin/judging/rounds/{roundId}/results";
        using var organizer = await site.OrganizerAsync();
        foreach (var (entry, level, name) in awards)
        {
            var fields = new Dictionary<string, string> { ["submissionId"] = Id(entry), ["level"] = level };
            if (name is not null) fields["name"] = name;
            await organizer.PostFormAsync(url, fields, url + "?handler=Award");
        }
        // Publishing the provisional results (公示) publishes the round's awards with them.
        await organizer.PostFormAsync(url, new Dictionary<string, string> { ["confirmed"] = "true" }, url + "?handler=Publish");
        Assert.Equal(awards.Length, await site.WithDbAsync(db => db.Awards.CountAsync(a => a.PublishedAt != null)));
    }

    /// <summary>Calls the use case the way "finalise results" will: in a scope of its own, with the current contest and the round.</summary>
    public static async Task<int> IssueAsync(this SiteFactory site, int roundId)
    {
        var issued = 0;
        await site.WithScopeAsync(async services =>
        {
            var contest = await services.GetRequiredService<CurrentContest>().FindAsync() ?? throw new InvalidOperationException("no contest");
            issued = await services.GetRequiredService<IssueCertificates>().IssueAsync(contest, contest.Rounds.Single(r => r.Id == roundId));
        });
        return issued;
    }

    public static Task<List<Certificate>> CertificatesAsync(this SiteFactory site) =>
        site.WithDbAsync(db => db.Certificates.AsNoTracking().OrderBy(c => c.Id).ToListAsync());

    /// <summary>The certificate of the award given to <paramref name="submissionId"/>.</summary>
    public static Task<Certificate> CertificateOfAsync(this SiteFactory site, int submissionId) =>
        site.WithDbAsync(db => db.Certificates.AsNoTracking().SingleAsync(c => db.Awards.Any(a => a.Id == c.AwardId && a.SubmissionId == submissionId)));

    public static Task<int> TeamOfAsync(this SiteFactory site, int submissionId) =>
        site.WithDbAsync(db => db.Submissions.Where(s => s.Id == submissionId).Select(s => s.TeamId).SingleAsync());

    /// <summary>Signs the captain of the team that made <paramref name="submissionId"/> in.</summary>
    public static async Task<SiteClient> CaptainOfAsync(this SiteFactory site, int submissionId) =>
        await site.SignedInAsync(await site.CaptainEmailAsync(submissionId));

    public static Task<SiteClient.Page> RevokeAsync(this SiteClient organizer, int roundId, int certificateId, string reason)
    {
        var url = $"/admin/judging/rounds/{roundId}/certificates";
        return organizer.PostFormAsync(url, new Dictionary<string, string> { ["certificateId"] = Id(certificateId), ["reason"] = reason }, url + "?handler=Revoke");
    }
}
