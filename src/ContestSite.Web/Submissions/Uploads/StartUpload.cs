using ContestSite.Core.Rules;
using ContestSite.Core.Submissions;
using ContestSite.Core.Teams;
using ContestSite.Data;
using ContestSite.Web.Files;
using ContestSite.Web.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ContestSite.Web.Submissions.Uploads;

/// <summary>POST: a member announces a file (kind, name, length); the site checks what it can before any byte arrives.</summary>
public sealed class StartUpload(ContestDbContext db, StagingArea staging, IOptions<FileLimitsOptions> files, TimeProvider clock)
{
    public async Task<UploadOutcome> RunAsync(int roundId, string userId, SubmissionFileKind kind, string? fileName, long length, CancellationToken cancellationToken)
    {
        var entry = await db.EntryForPersonAsync(roundId, userId, cancellationToken);
        if (entry is null) return new UploadOutcome.NotFound(RuleResult.Refuse("没有找到该轮次，或您还没有团队"));
        var now = clock.GetUtcNow();
        var allowed = SubmissionRules.CanStartUpload(entry.Team, entry.Round, entry.MayEnter, entry.Submission, userId, now);
        if (!allowed.Allowed) return new UploadOutcome.NotAllowed(allowed);
        if (length <= 0) return new UploadOutcome.EmptyFile(RuleResult.Refuse("文件是空的，请选择要上传的文件"));
        if (FileKinds.RefusalForSize(kind, length, files.Value) is { } tooLarge)
            return new UploadOutcome.TooLarge(0, tooLarge);
        var used = await TeamRoundBytesAsync(entry, cancellationToken);
        if (FileKinds.RefusalForTeamRoundTotal(used, length, files.Value) is { } overTotal)
            return new UploadOutcome.TooLarge(0, overTotal);

        var upload = new SubmissionUpload
        {
            Id = Guid.NewGuid(), TeamId = entry.Team.Id, RoundId = roundId, UserId = userId, Kind = kind,
            FileName = FileNames.Clean(fileName), Length = length, StartedAt = now,
        };
        // The staged file first: a crash before the row is saved leaves an orphan file that the cleanup removes.
        staging.Create(upload.Id);
        db.SubmissionUploads.Add(upload);
        await db.SaveChangesAsync(cancellationToken);
        return new UploadOutcome.Started(upload);
    }

    /// <summary>The files of the newest version plus the uploads still on their way or waiting for a save.</summary>
    private async Task<long> TeamRoundBytesAsync(EntryContext entry, CancellationToken cancellationToken)
    {
        long stored = 0;
        if (entry.Submission is { CurrentVersionNumber: > 0 } submission)
        {
            stored = (await db.SubmissionFiles
                .Where(f => db.SubmissionVersions.Any(v => v.Id == f.VersionId && v.SubmissionId == submission.Id && v.Number == submission.CurrentVersionNumber))
                .Select(f => new { f.StorageKey, f.Length }).ToListAsync(cancellationToken))
                .DistinctBy(f => f.StorageKey).Sum(f => f.Length);
        }
        var pending = await db.SubmissionUploads
            .Where(u => u.TeamId == entry.Team.Id && u.RoundId == entry.Round.Id && u.Status != SubmissionUploadStatus.Used && u.Status != SubmissionUploadStatus.Cancelled)
            .Select(u => u.Length).ToListAsync(cancellationToken);
        return stored + pending.Sum();
    }
}
