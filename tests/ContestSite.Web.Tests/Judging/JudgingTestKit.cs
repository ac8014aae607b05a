using System.Globalization;
using System.Net;
using ContestSite.Core.Contests;
using ContestSite.Core.Judging;
using ContestSite.Core.Submissions;
using ContestSite.Core.Teams;
using ContestSite.Web.Storage;
using ContestSite.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ContestSite.Web.Tests.Judging;

/// <summary>
/// The builders of the judging tests: a site inside the first round's review window, judges signed in,
/// and finalised entries written straight to the database (the submissions feature builds them for real).
/// </summary>
public static class JudgingTestKit
{
    public const string Password = "Secret-pass-42";
    /// <summary>Inside 初赛's review window (2020-11-01 to 2020-11-10 18:00 China time).</summary>
    public static readonly DateTimeOffset DuringReview = new(2020, 11, 5, 10, 0, 0, TimeSpan.FromHours(8));
    public static readonly DateTimeOffset AfterReview = new(2020, 11, 10, 18, 0, 0, TimeSpan.FromHours(8));

    public static async Task<SiteFactory> SiteAsync(TestProvider provider = TestProvider.Sqlite)
    {
        var site = await SiteFactory.CreateAsync(provider);
        site.Clock.Set(DuringReview);
        return site;
    }

    public static Task<Round> FirstRoundAsync(this SiteFactory site) =>
        site.WithDbAsync(db => db.Rounds.AsNoTracking().Include(r => r.Criteria.OrderBy(c => c.SortOrder)).SingleAsync(r => r.Sequence == 1));

    public static async Task<string> JudgeAsync(this SiteFactory site, string email, string? organization = null, string? tags = null)
    {
        var user = await site.CreateUserAsync(email, Password, "Judge");
        if (organization is not null || tags is not null)
            await site.WithDbAsync(async db =>
            {
                db.JudgeProfiles.Add(new JudgeProfile { UserId = user.Id, Organization = organization, ExpertiseTags = tags });
                return await db.SaveChangesAsync();
            });
        return user.Id;
    }

    public static async Task<SiteClient> SignedInAsync(this SiteFactory site, string email)
    {
        var client = site.CreateSiteClient();
        var signedIn = await client.SignInAsync(email, Password);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.Status);
        return client;
    }

    public static async Task<SiteClient> OrganizerAsync(this SiteFactory site)
    {
        var client = site.CreateSiteClient();
        await client.SignInAsync(SiteFactory.OrganizerEmail, SiteFactory.OrganizerPassword);
        return client;
    }

    /// <summary>A team with its captain and a finalised entry in the first round; returns the submission id.</summary>
    public static async Task<int> EntryAsync(this SiteFactory site, string title, string organization = "杭州某科技公司", string track = "数字政府",
        byte[]? proposal = null, string? teamName = null)
    {
        var captain = await site.CreateUserAsync($"captain-{Guid.NewGuid():N}@test.local", Password, "Contestant");
        StoredFile? stored = null;
        if (proposal is not null)
            await site.WithScopeAsync(async services => stored = await services.GetRequiredService<IFileStore>().SaveAsync(new MemoryStream(proposal), 1_000_000));
        return await site.WithDbAsync(async db =>
        {
            var contest = await db.Contests.Include(c => c.Tracks).Include(c => c.Rounds).SingleAsync();
            var trackId = contest.Tracks.Single(t => t.Name == track).Id;
            var name = teamName ?? $"{title}队";
            var team = new Team
            {
                ContestId = contest.Id, TrackId = trackId, Name = name, NameKey = TeamNames.Normalize(name), OrganizationName = organization,
                Status = TeamStatus.Approved, CreatedAt = site.Clock.GetUtcNow(),
                Members = [new TeamMember { ContestId = contest.Id, UserId = captain.Id, RealName = "王队长", Phone = "13812345678", Organization = organization, Role = TeamRole.Captain }],
            };
            db.Teams.Add(team);
            await db.SaveChangesAsync();
            var now = site.Clock.GetUtcNow();
            var version = new SubmissionVersion
            {
                Number = 1, Title = title, Pitch = "一句话介绍", Description = "**作品介绍**", Category = "城市治理", SavedAt = now, SavedByUserId = captain.Id,
            };
            if (stored is not null)
                version.Files.Add(new SubmissionFile { Kind = SubmissionFileKind.Proposal, FileName = "方案.pdf", ContentType = "application/pdf", Length = stored.Size, Sha256 = stored.Sha256, StorageKey = stored.Key });
            var submission = new Submission
            {
                ContestId = contest.Id, RoundId = contest.Rounds.Single(r => r.Sequence == 1).Id, TrackId = trackId, TeamId = team.Id,
                Status = SubmissionStatus.Finalised, CurrentVersionNumber = 1, CreatedAt = now, UpdatedAt = now, FinalisedAt = now, FinalisedByUserId = captain.Id,
                Versions = [version],
            };
            db.Submissions.Add(submission);
            await db.SaveChangesAsync();
            return submission.Id;
        });
    }

    public static Task<int> AssignDirectAsync(this SiteFactory site, string judgeId, int submissionId) =>
        site.WithDbAsync(async db =>
        {
            var roundId = await db.Submissions.Where(s => s.Id == submissionId).Select(s => s.RoundId).SingleAsync();
            db.Assignments.Add(new Assignment { RoundId = roundId, SubmissionId = submissionId, JudgeUserId = judgeId, AssignedAt = site.Clock.GetUtcNow() });
            return await db.SaveChangesAsync();
        });

    /// <summary>The score form's fields: one value per criterion of the first round, in rubric order.</summary>
    public static async Task<Dictionary<string, string>> ScoreFieldsAsync(this SiteFactory site, params string[] values)
    {
        var round = await site.FirstRoundAsync();
        var fields = round.Criteria.Select((c, i) => (c, i)).Where(p => p.i < values.Length)
            .ToDictionary(p => $"Scores[{p.c.Id.ToString(CultureInfo.InvariantCulture)}]", p => values[p.i]);
        fields["Comment"] = "思路清晰";
        return fields;
    }

    public static async Task<SiteClient.Page> ScoreAsync(this SiteClient judge, SiteFactory site, int submissionId, string handler, params string[] values) =>
        await judge.PostFormAsync($"/judging/entries/{submissionId}", await site.ScoreFieldsAsync(values), $"/judging/entries/{submissionId}?handler={handler}");

    public static Task<List<Review>> ReviewsAsync(this SiteFactory site, int submissionId) =>
        site.WithDbAsync(db => db.Reviews.AsNoTracking().Include(r => r.Scores)
            .Where(r => db.Assignments.Any(a => a.Id == r.AssignmentId && a.SubmissionId == submissionId)).ToListAsync());

    public static Task<int> AssignmentCountAsync(this SiteFactory site) => site.WithDbAsync(db => db.Assignments.CountAsync());

    public static Task<int> AuditCountAsync(this SiteFactory site, string action) =>
        site.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Action == action));

    public static Task<string> CaptainEmailAsync(this SiteFactory site, int submissionId) =>
        site.WithDbAsync(db => db.Submissions.Where(s => s.Id == submissionId)
            .SelectMany(s => db.TeamMembers.Where(m => m.TeamId == s.TeamId))
            .Join(db.Users, m => m.UserId, u => u.Id, (m, u) => u.Email!).SingleAsync());

    public static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);
}
