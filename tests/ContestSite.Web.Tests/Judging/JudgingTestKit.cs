using System.Globalization;
using ContestSite.Core.Contests;
using ContestSite.Core.Judging;
using ContestSite.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ContestSite.Web.Tests.Judging;

/// <summary>
/// The builders of the judging tests: a site inside the first round's review window, assignments and reviews
/// (judges and entries come from <see cref="SiteBuilders"/>).
/// </summary>
public static class JudgingTestKit
{
    /// <summary>Inside 初赛's review window (2020-11-01 to 2020-11-10 18:00 China time).</summary>
    public static readonly DateTimeOffset DuringReview = new(2020, 11, 5, 10, 0, 0, TimeSpan.FromHours(8));
    public static readonly DateTimeOffset AfterReview = new(2020, 11, 10, 18, 0, 0, TimeSpan.FromHours(8));

    public static Task<SiteFactory> SiteAsync(TestProvider provider = TestProvider.Sqlite) =>
        SiteFactory.CreateAsync(provider, now: DuringReview);

    public static Task<Round> FirstRoundAsync(this SiteFactory site) =>
        site.WithDbAsync(db => db.Rounds.AsNoTracking().Include(r => r.Criteria.OrderBy(c => c.SortOrder)).SingleAsync(r => r.Sequence == 1));

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

    public static Task<string> CaptainEmailAsync(this SiteFactory site, int submissionId) =>
        site.WithDbAsync(db => db.Submissions.Where(s => s.Id == submissionId)
            .SelectMany(s => db.TeamMembers.Where(m => m.TeamId == s.TeamId))
            .Join(db.Users, m => m.UserId, u => u.Id, (m, u) => u.Email!).SingleAsync());

    /// <summary>Two judges score three entries; returns the entry ids, best first by both judges' order.</summary>
    public static async Task<int[]> ScoredRoundAsync(this SiteFactory site)
    {
        var harsh = await site.JudgeAsync("harsh@test.local");
        var generous = await site.JudgeAsync("generous@test.local");
        int[] entries = [await site.EntryAsync("甲作品"), await site.EntryAsync("乙作品"), await site.EntryAsync("丙作品")];
        foreach (var entry in entries) { await site.AssignDirectAsync(harsh, entry); await site.AssignDirectAsync(generous, entry); }
        using (var judge = await site.SignedInAsync("harsh@test.local"))
        {
            await judge.ScoreAsync(site, entries[0], "Submit", "6", "6", "6", "6", "6");
            await judge.ScoreAsync(site, entries[1], "Submit", "5", "5", "5", "5", "5");
            await judge.ScoreAsync(site, entries[2], "Submit", "1", "1", "1", "1", "1");
        }
        using (var judge = await site.SignedInAsync("generous@test.local"))
        {
            await judge.ScoreAsync(site, entries[0], "Submit", "10", "10", "10", "10", "10");
            await judge.ScoreAsync(site, entries[1], "Submit", "9", "9", "9", "9", "9");
            await judge.ScoreAsync(site, entries[2], "Submit", "8", "8", "8", "8", "8");
        }
        return entries;
    }

    public static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);
}
