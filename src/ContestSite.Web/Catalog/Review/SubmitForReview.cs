using ContestSite.Core.Catalog;
using ContestSite.Core.Rules;
using ContestSite.Data;
using ContestSite.Web.Audit;
using Microsoft.EntityFrameworkCore;

namespace ContestSite.Web.Catalog.Review;

/// <summary>
/// An organizer submits a draft for review: a new round begins, recording who submitted it and when; from now on the
/// dataset cannot be edited until it is reviewed or withdrawn, so the reviewer assesses what will be published.
/// </summary>
public sealed class SubmitForReview(ContestDbContext db, IAuditLog audit, TimeProvider clock)
{
    /// <summary>Null when there is no such dataset.</summary>
    public async Task<RuleResult?> SubmitAsync(Guid datasetId, string userId, CancellationToken cancellationToken = default)
    {
        var dataset = await db.Datasets.AsNoTracking().SingleOrDefaultAsync(d => d.Id == datasetId, cancellationToken);
        if (dataset is null) return null;
        if (dataset.Status != DatasetStatus.Draft) return RuleResult.Refuse("只有草稿可以提交审核");
        var now = clock.GetUtcNow();
        var round = dataset.ReviewRound + 1;
        // Joins a transaction already open (a recipe submitting demo data).
        await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        // Conditional: of two submits at once one opens the round.
        var changed = await db.Datasets.Where(d => d.Id == datasetId && d.Status == DatasetStatus.Draft && d.ReviewRound == dataset.ReviewRound)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.Status, DatasetStatus.InReview).SetProperty(d => d.ReviewRound, round)
                .SetProperty(d => d.SubmittedAt, now).SetProperty(d => d.SubmittedById, userId).SetProperty(d => d.UpdatedAt, now), cancellationToken);
        if (changed == 0) return RuleResult.Refuse("只有草稿可以提交审核");
        await audit.AppendAsync(new AuditEvent("catalog.dataset-submitted", $"dataset:{dataset.Id}", "ok", $"{dataset.Title}; 第 {round} 轮")
            { DatasetId = dataset.Id }, CancellationToken.None);
        if (transaction is not null) await transaction.CommitAsync(CancellationToken.None);
        return RuleResult.Ok;
    }
}
