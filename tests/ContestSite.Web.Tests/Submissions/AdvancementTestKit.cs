using ContestSite.Core.Judging;
using ContestSite.Core.Submissions;
using ContestSite.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ContestSite.Web.Tests.Submissions;

/// <summary>
/// The builders of the advancement tests: the second round (复赛), teams advanced into it as <c>AdvanceEntries</c>
/// records them, and entries of that round made directly in the database.
/// </summary>
public static class AdvancementTestKit
{
    /// <summary>Inside 复赛's submission window (2020-11-12 to 11-30 18:00 China time); 初赛's review closed on 11-10.</summary>
    public static readonly DateTimeOffset DuringSecondRound = new(2020, 11, 20, 10, 0, 0, TimeSpan.FromHours(8));

    public static Task<int> SecondRoundIdAsync(this SiteFactory site) =>
        site.WithDbAsync(db => db.Rounds.Where(r => r.Sequence == 2).Select(r => r.Id).SingleAsync());

    /// <summary>A finalised 初赛 entry of the team and its advancement into 复赛; returns the 初赛 entry's id (what organizers advance).</summary>
    public static async Task<int> AdvanceIntoSecondRoundAsync(this SiteFactory site, int teamId)
    {
        var entryId = await site.EntryOfTeamAsync(teamId, 1, "初赛作品");
        var nextRoundId = await site.SecondRoundIdAsync();
        return await site.WithDbAsync(async db =>
        {
            var entry = await db.Submissions.SingleAsync(s => s.Id == entryId);
            db.Advancements.Add(new Advancement
            {
                RoundId = entry.RoundId, NextRoundId = nextRoundId, SubmissionId = entry.Id, TeamId = teamId, TrackId = entry.TrackId, Rank = 1, AdvancedAt = site.Clock.GetUtcNow(),
            });
            await db.SaveChangesAsync();
            return entry.Id;
        });
    }

    /// <summary>The team's finalised entry in the round of <paramref name="sequence"/>, made directly in the database (kept when it exists).</summary>
    public static Task<int> EntryOfTeamAsync(this SiteFactory site, int teamId, int sequence, string title) =>
        site.WithDbAsync(async db =>
        {
            var team = await db.Teams.Include(t => t.Members).SingleAsync(t => t.Id == teamId);
            var roundId = await db.Rounds.Where(r => r.ContestId == team.ContestId && r.Sequence == sequence).Select(r => r.Id).SingleAsync();
            if (await db.Submissions.Where(s => s.TeamId == teamId && s.RoundId == roundId).Select(s => (int?)s.Id).SingleOrDefaultAsync() is { } existing) return existing;
            var now = site.Clock.GetUtcNow();
            var author = team.Members.First().UserId;
            var submission = new Submission
            {
                ContestId = team.ContestId, RoundId = roundId, TrackId = team.TrackId, TeamId = team.Id,
                Status = SubmissionStatus.Finalised, CurrentVersionNumber = 1, CreatedAt = now, UpdatedAt = now, FinalisedAt = now, FinalisedByUserId = author,
                Versions = [new SubmissionVersion { Number = 1, Title = title, Pitch = "一句话介绍", Category = "城市治理", SavedAt = now, SavedByUserId = author }],
            };
            db.Submissions.Add(submission);
            await db.SaveChangesAsync();
            return submission.Id;
        });
}
