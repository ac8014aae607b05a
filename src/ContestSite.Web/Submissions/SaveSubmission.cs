using ContestSite.Core.Rules;
using ContestSite.Core.Submissions;
using ContestSite.Core.Teams;
using ContestSite.Data;
using ContestSite.Web.Audit;
using ContestSite.Web.Files;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ContestSite.Web.Submissions;

/// <summary>
/// A save makes a new version: the text as sent, the kept files of the newest version, and the finished
/// uploads named. The version, the entry's counters and the uploads' use are one database transaction, so
/// a crash leaves the old newest version or the new one. Two saves at once each become their own version.
/// </summary>
public sealed class SaveSubmission(ContestDbContext db, IOptions<FileLimitsOptions> files, IOptions<SubmissionUploadOptions> uploads,
    IAuditLog audit, DeclaredDatasets declaredDatasets, TimeProvider clock, ILogger<SaveSubmission> logger)
{
    private const int MaxAttempts = 4;

    public async Task<(RuleResult Result, int Version)> RunAsync(int roundId, string userId, SubmissionInput input, CancellationToken cancellationToken = default)
    {
        if (input.Problem() is { } problem) return (problem, 0);
        for (var attempt = 1; ; attempt++)
        {
            db.ChangeTracker.Clear();
            var (result, version, teamId, newlyRestricted) = await ApplyAsync(roundId, userId, input, cancellationToken);
            if (!result.Allowed) return (result, 0);
            try
            {
                // Joins a transaction already open (a recipe making demo entries), so the entry is part of it.
                await db.InTransactionAsync(async () =>
                {
                    await db.SaveChangesAsync(cancellationToken);
                    await db.SubmissionUploads.Where(u => input.UploadIds.Contains(u.Id) && u.TeamId == teamId)
                        .ExecuteUpdateAsync(s => s.SetProperty(u => u.UsedInVersionId, version!.Id), cancellationToken);
                    await audit.AppendAsync(new AuditEvent("submission.saved", $"submission:{version!.SubmissionId}", "ok", $"version={version.Number}") { TeamId = teamId }, cancellationToken);
                    // Restricted data named in an entry joins that dataset's own trail of use.
                    foreach (var datasetId in newlyRestricted)
                        await audit.AppendAsync(new AuditEvent("submission.restricted-dataset-declared", $"submission:{version.SubmissionId}", "ok", $"version={version.Number}")
                            { TeamId = teamId, DatasetId = datasetId }, cancellationToken);
                }, cancellationToken);
            }
            catch (DbUpdateException exception) when (attempt < MaxAttempts)
            {
                logger.LogInformation(exception, "A save conflicted with another one (attempt {Attempt}); saving again on fresh data", attempt);
                continue;
            }
            return (RuleResult.Ok, version!.Number);
        }
    }

    private async Task<(RuleResult, SubmissionVersion?, int, List<Guid>)> ApplyAsync(int roundId, string userId, SubmissionInput input, CancellationToken cancellationToken)
    {
        var entry = await db.EntryForPersonAsync(roundId, userId, cancellationToken);
        if (entry is null) return (RuleResult.Refuse("没有找到该轮次，或您还没有团队"), null, 0, []);
        var newUploads = await db.SubmissionUploads
            .Where(u => input.UploadIds.Contains(u.Id) && u.TeamId == entry.Team.Id && u.RoundId == roundId && u.Status == SubmissionUploadStatus.Ready)
            .ToListAsync(cancellationToken);
        if (newUploads.Count != input.UploadIds.Distinct().Count()) return (RuleResult.Refuse("有文件尚未上传完成或已被使用，请重新上传"), null, 0, []);
        var now = clock.GetUtcNow();
        var startedBefore = newUploads.Any(u => u.StartedAt < entry.Round.SubmissionClosesAt);
        var allowed = SubmissionRules.CanEdit(entry.Team, entry.Round, entry.MayEnter, entry.Submission, userId, now, uploads.Value.GracePeriod, startedBefore);
        if (!allowed.Allowed) return (allowed, null, 0, []);

        var submission = entry.Submission is null ? NewSubmission(entry, now) : await db.Submissions.FirstAsync(s => s.Id == entry.Submission.Id, cancellationToken);
        var current = submission.CurrentVersionNumber == 0 ? null : await db.VersionAsync(submission.Id, submission.CurrentVersionNumber, cancellationToken);
        var kept = current?.Files.Where(f => input.KeepFileIds.Contains(f.Id)).ToList() ?? [];
        var version = NewVersion(submission, input, userId, now, kept, newUploads);
        var limits = CheckLimits(version);
        if (!limits.Allowed) return (limits, null, 0, []);
        var datasets = input.AllDatasetIds();
        var declaredBefore = current?.Datasets.Select(d => d.DatasetId).ToHashSet() ?? [];
        var (declarable, newlyRestricted) = await declaredDatasets.CheckAsync(entry.Team.Id, datasets, declaredBefore, cancellationToken);
        if (!declarable.Allowed) return (declarable, null, 0, []);
        version.Datasets = datasets.Select(id => new SubmissionDataset { DatasetId = id }).ToList();

        submission.Versions.Add(version);
        submission.CurrentVersionNumber = version.Number;
        submission.UpdatedAt = now;
        submission.Concurrency++;
        foreach (var upload in newUploads) upload.Status = SubmissionUploadStatus.Used;
        return (RuleResult.Ok, version, entry.Team.Id, newlyRestricted);
    }

    private Submission NewSubmission(EntryContext entry, DateTimeOffset now)
    {
        var submission = new Submission
        {
            ContestId = entry.Round.ContestId, RoundId = entry.Round.Id, TrackId = entry.Team.TrackId, TeamId = entry.Team.Id,
            CreatedAt = now, UpdatedAt = now,
        };
        db.Submissions.Add(submission);
        return submission;
    }

    private static SubmissionVersion NewVersion(Submission submission, SubmissionInput input, string userId, DateTimeOffset now,
        List<SubmissionFile> kept, List<SubmissionUpload> newUploads)
    {
        var added = newUploads.Select(u => new SubmissionFile
        {
            Kind = u.Kind, FileName = u.FileName, ContentType = u.ContentType!, Length = u.Length, Sha256 = u.StorageKey!, StorageKey = u.StorageKey!,
        });
        var filesOfVersion = kept.Select(f => new SubmissionFile
        {
            Kind = f.Kind, FileName = f.FileName, ContentType = f.ContentType, Length = f.Length, Sha256 = f.Sha256, StorageKey = f.StorageKey,
        }).Concat(added).ToList();
        // One proposal, video and source package: a new upload replaces the kept one of its kind.
        var singles = filesOfVersion.Where(f => f.Kind != SubmissionFileKind.Screenshot).GroupBy(f => f.Kind).Select(g => g.Last());
        var ordered = filesOfVersion.Where(f => f.Kind == SubmissionFileKind.Screenshot).Concat(singles).ToList();
        for (var i = 0; i < ordered.Count; i++) ordered[i].SortOrder = i;
        return new SubmissionVersion
        {
            Number = submission.CurrentVersionNumber + 1, Title = input.Title.Trim(), Pitch = Blank(input.Pitch), Description = Blank(input.Description),
            Category = Blank(input.Category), DemoUrl = Blank(input.DemoUrl), VideoUrl = Blank(input.VideoUrl), SavedAt = now, SavedByUserId = userId,
            Files = ordered,
        };
    }

    private RuleResult CheckLimits(SubmissionVersion version)
    {
        var screenshots = version.Files.Count(f => f.Kind == SubmissionFileKind.Screenshot);
        if (screenshots > files.Value.MaxScreenshots) return RuleResult.Refuse("截图最多 {0} 张", files.Value.MaxScreenshots);
        var total = version.Files.DistinctBy(f => f.StorageKey).Sum(f => f.Length);
        if (FileKinds.RefusalForTeamRoundTotal(0, total, files.Value) is { } overTotal) return overTotal;
        return RuleResult.Ok;
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
