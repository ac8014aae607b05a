using ContestSite.Core.Gallery;
using ContestSite.Core.Judging;
using ContestSite.Core.Submissions;
using ContestSite.Data;
using ContestSite.Web.Audit;
using Microsoft.EntityFrameworkCore;

namespace ContestSite.Web.Gallery.UseCases;

/// <summary>
/// An organizer puts a finalised submission into the gallery with the team's consent recorded: refused
/// without complete consent. The newest version is shown and the submission's published award is copied.
/// </summary>
public sealed class PublishToGallery(ContestDbContext db, IAuditLog audit, GalleryCache cache, TimeProvider clock)
{
    public async Task<GalleryResult> RunAsync(GalleryPublishInput input, string organizerId, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        // A consent time that is typed but unusable says why, instead of "enter the consent time".
        var timeProblem = ContestTime.InputProblem(input.ConsentGivenAt);
        var problems = GalleryRules.ConsentProblems(input.Consent, now).Where(p => timeProblem is null || p != GalleryRules.MissingConsentTime)
            .Concat(timeProblem is null ? [] : [timeProblem])
            .Concat(GalleryRules.ShowcaseProblems(input.Title, input.Text, input.TeamDisplayName, input.MemberDisplayNames)).ToList();
        if (problems.Count > 0)
        {
            await audit.AppendAsync(new AuditEvent("gallery.publish", $"submission:{input.SubmissionId}", "refused", string.Join("; ", problems)), cancellationToken);
            return GalleryResult.Refuse([.. problems]);
        }
        var submission = await db.Submissions.AsNoTracking().SingleOrDefaultAsync(s => s.Id == input.SubmissionId, cancellationToken);
        if (submission is null || submission.Status != SubmissionStatus.Finalised || submission.CurrentVersionNumber == 0)
            return GalleryResult.Refuse("只有已定稿的作品可以展示");
        if (await db.GalleryEntries.AnyAsync(e => e.SubmissionId == submission.Id, cancellationToken))
            return GalleryResult.Refuse("该作品已在作品展示中，请在列表中编辑它");
        var entry = await NewEntryAsync(submission, input, organizerId, now, cancellationToken);
        db.GalleryEntries.Add(entry);
        await audit.AppendAsync(() => new AuditEvent(entry.IsPublished ? "gallery.published" : "gallery.consent.recorded", $"gallery:{entry.Id}", "ok",
            $"submission {submission.Id}; consent by {entry.ConsentGivenBy}") { TeamId = submission.TeamId },
            CancellationToken.None); // the change is saved: its record is written even if the request is abandoned
        await cache.ChangedAsync(cancellationToken);
        return new GalleryResult(entry.Id, []);
    }

    private async Task<GalleryEntry> NewEntryAsync(Submission submission, GalleryPublishInput input, string organizerId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var year = await db.Contests.Where(c => c.Id == submission.ContestId).Select(c => c.Year).SingleAsync(cancellationToken);
        var domain = await db.SubmissionVersions.Where(v => v.SubmissionId == submission.Id && v.Number == submission.CurrentVersionNumber)
            .Select(v => v.Category).SingleOrDefaultAsync(cancellationToken);
        var entry = new GalleryEntry
        {
            ContestId = submission.ContestId, Year = year, SubmissionId = submission.Id, VersionNumber = submission.CurrentVersionNumber,
            RoundId = submission.RoundId, TrackId = submission.TrackId, TeamId = submission.TeamId,
            ShowcaseTitle = input.Title!.Trim(), ShowcaseText = input.Text, Domain = domain,
            TeamDisplayName = input.TeamDisplayName!.Trim(), MemberDisplayNames = input.MemberDisplayNames?.Trim(),
            ConsentGivenBy = input.Consent.GivenBy!, ConsentText = input.Consent.Text!, ConsentGivenAt = input.Consent.GivenAt!.Value,
            ConsentRecordedByUserId = organizerId, UpdatedAt = now, PublishedAt = input.PublishNow ? now : null,
        };
        CopyAward(entry, await BestPublishedAwardAsync(db, submission.Id, cancellationToken));
        return entry;
    }

    /// <summary>The highest published award (levels are stored as text, so they are ordered here, not in SQL).</summary>
    internal static async Task<Award?> BestPublishedAwardAsync(ContestDbContext db, int submissionId, CancellationToken cancellationToken) =>
        (await db.Awards.AsNoTracking().Where(a => a.SubmissionId == submissionId && a.PublishedAt != null).ToListAsync(cancellationToken))
            .OrderBy(a => a.Level).FirstOrDefault();

    internal static void CopyAward(GalleryEntry entry, Award? award)
    {
        entry.AwardId = award?.Id;
        entry.AwardName = award?.Name;
        entry.AwardLevel = award?.Level;
    }
}
