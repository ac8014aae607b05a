using ContestSite.Core.Catalog;
using ContestSite.Core.Catalog.Contributions;
using ContestSite.Core.Rules;
using ContestSite.Core.Teams;
using ContestSite.Data;
using ContestSite.Web.Audit;
using ContestSite.Web.Seasons;
using Microsoft.EntityFrameworkCore;

namespace ContestSite.Web.Catalog.Contributions;

/// <summary>
/// An organization or a team (its captain) contributes a dataset of its own, or corrects one the review returned:
/// the metadata, licence and declared classification pass <see cref="ContributionRules"/>, the files the entry files'
/// checks, and the dataset goes straight to review (社会贡献数据 is never public before an organizer approves it).
/// Refused while the current contest does not accept contributions; the switch is read under a lock of the
/// contest's row, so a contribution is never stored after an organizer's "off" has been saved.
/// A contribution in review or published is not the contributor's to change, nor is anyone else's.
/// </summary>
public sealed class ContributeDataset(ContestDbContext db, CurrentContest current, ContributionFiles files, IAuditLog audit, TimeProvider clock)
{
    /// <summary>
    /// New when <paramref name="datasetId"/> is null. Null result: no contribution of this person has that id
    /// (another's looks the same as none).
    /// </summary>
    public async Task<(RuleResult Result, Guid Id)?> RunAsync(string userId, Guid? datasetId, ContributionForm form, IReadOnlyList<ContributedFile> uploads,
        CancellationToken cancellationToken = default)
    {
        Dataset? dataset = null;
        DatasetContribution? contribution = null;
        if (datasetId is { } id)
        {
            contribution = await db.DatasetContributions.SingleOrDefaultAsync(c => c.DatasetId == id && c.ContributorId == userId, cancellationToken);
            if (contribution is null) return null;
            dataset = await db.Datasets.Include(d => d.Fields).Include(d => d.Resources).AsSplitQuery().SingleAsync(d => d.Id == id, cancellationToken);
            if (dataset.Status != DatasetStatus.Draft) return (RuleResult.Refuse("该贡献数据正在审核或已发布，不能修改"), id);
        }
        var contest = await current.FindAsync(cancellationToken);
        if (contest is not { AcceptsContributions: true }) return (Closed, datasetId ?? Guid.Empty);
        var team = form.Kind == ContributorKind.Team
            ? await db.Teams.AsNoTracking().Where(t => t.ContestId == contest.Id && t.Members.Any(m => m.UserId == userId && m.Role == TeamRole.Captain))
                .Select(t => new { t.Id, t.Name }).FirstOrDefaultAsync(cancellationToken)
            : null;
        if (form.Kind == ContributorKind.Team && team is null) return (RuleResult.Refuse("只有本届大赛团队的队长可以代表团队贡献数据"), datasetId ?? Guid.Empty);
        var (valid, values) = ContributionRules.Check(form);
        if (!valid.Allowed) return (valid, datasetId ?? Guid.Empty);

        var (accepted, checkedFiles) = await files.CheckAsync(uploads, required: dataset is null || dataset.Resources.Count == 0, cancellationToken);
        try
        {
            if (!accepted.Allowed) return (accepted, datasetId ?? Guid.Empty);
            var now = clock.GetUtcNow();
            var isNew = dataset is null;
            dataset ??= new Dataset { Title = "", CreatedAt = now, Origin = DatasetOrigin.Contributed, Status = DatasetStatus.Draft };
            Apply(dataset, values!, team?.Name ?? values!.Organization!, now);
            if (isNew)
            {
                db.Datasets.Add(dataset);
                contribution = new DatasetContribution { DatasetId = dataset.Id, ContributorId = userId, Contact = values!.Contact, ContestId = contest.Id, ContributedAt = now };
                db.DatasetContributions.Add(contribution);
            }
            (contribution!.Kind, contribution.TeamId, contribution.Contact) = (form.Kind, team?.Id, values!.Contact);

            var stored = await db.InTransactionAsync(async () =>
            {
                // Locks the contest row (a settings save waits, or is waited for) and reads the switch as it is now.
                var stillOpen = await db.Contests.Where(c => c.Id == contest.Id && c.AcceptsContributions)
                    .ExecuteUpdateAsync(s => s.SetProperty(c => c.AcceptsContributions, true), cancellationToken);
                if (stillOpen == 0) return false;
                // Stored only once the contribution will be: a refusal keeps no file.
                dataset.Resources.AddRange(await files.StoreAsync(checkedFiles, now, cancellationToken));
                dataset.Formats = dataset.Resources.Select(x => x.Format).OfType<string>().Distinct().Order(StringComparer.Ordinal).ToList();
                await db.SaveChangesAsync(cancellationToken);
                // Straight to review, as a new round submitted by the contributor (not an organizer: any organizer may review it).
                var round = dataset.ReviewRound + 1;
                await db.Datasets.Where(d => d.Id == dataset.Id && d.Status == DatasetStatus.Draft).ExecuteUpdateAsync(s => s
                    .SetProperty(d => d.Status, DatasetStatus.InReview).SetProperty(d => d.ReviewRound, round)
                    .SetProperty(d => d.SubmittedAt, now).SetProperty(d => d.SubmittedById, userId), cancellationToken);
                await audit.AppendAsync(new AuditEvent("catalog.dataset-contributed", $"dataset:{dataset.Id}", isNew ? "contributed" : "resubmitted",
                    $"{dataset.Title}; {dataset.Provider}; {form.Kind}; {dataset.OpenType} L{dataset.SensitivityLevel}; 第 {round} 轮; {dataset.Resources.Count} 个文件")
                    { DatasetId = dataset.Id }, CancellationToken.None);
                return true;
            }, cancellationToken);
            if (!stored)
            {
                db.ChangeTracker.Clear();
                return (Closed, datasetId ?? Guid.Empty);
            }
            return (RuleResult.Ok, dataset.Id);
        }
        finally
        {
            foreach (var file in checkedFiles) await file.DisposeAsync();
        }
    }

    public static RuleResult Closed => RuleResult.Refuse("本届大赛目前不接受社会贡献数据");

    private static void Apply(Dataset dataset, ContributionValues values, string provider, DateTimeOffset now)
    {
        dataset.Title = values.Title;
        dataset.Description = values.Description;
        dataset.Provider = provider;
        dataset.Domain = values.Domain;
        dataset.UpdateFrequency = values.UpdateFrequency;
        dataset.Tags = [.. values.Tags];
        dataset.Licence = values.Licence;
        dataset.OpenType = values.OpenType;
        dataset.OpenTypeLabel = null;
        dataset.SensitivityLevel = values.SensitivityLevel;
        dataset.DecidedHere = ClassificationFields.OpenType | ClassificationFields.SensitivityLevel | ClassificationFields.SensitiveFields;
        dataset.UpdatedAt = now;
        dataset.LastUpdated = now;
        dataset.Fields.Clear();
        dataset.Fields.AddRange(values.Fields.Select((name, i) => new DatasetField
            { Name = name, SortOrder = i, IsSensitive = values.SensitiveFields.Contains(name, StringComparer.Ordinal) }));
    }
}
