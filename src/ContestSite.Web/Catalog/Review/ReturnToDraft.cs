using ContestSite.Core.Catalog;
using ContestSite.Core.Rules;
using ContestSite.Data;
using ContestSite.Data.Catalog;
using ContestSite.Web.Audit;
using Microsoft.EntityFrameworkCore;

namespace ContestSite.Web.Catalog.Review;

/// <summary>
/// Takes a dataset back to draft: one in review is withdrawn (so it can be edited; its round ends unreviewed), a
/// published one is unpublished (下架), which needs a reason. Either is audited with the dataset's id; publishing it
/// again goes through review.
/// </summary>
public sealed class ReturnToDraft(ContestDbContext db, IAuditLog audit, TimeProvider clock)
{
    public const int MaxReasonLength = 500;

    /// <summary>Null when there is no such dataset.</summary>
    public async Task<RuleResult?> ReturnAsync(Guid datasetId, string? reason, CancellationToken cancellationToken = default)
    {
        var dataset = await db.Datasets.AsNoTracking().SingleOrDefaultAsync(d => d.Id == datasetId, cancellationToken);
        if (dataset is null) return null;
        reason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        if (reason?.Length > MaxReasonLength) return RuleResult.Refuse("原因不能超过 500 个字符");
        var action = dataset.Status switch
        {
            DatasetStatus.InReview => "catalog.dataset-withdrawn",
            DatasetStatus.Published => "catalog.dataset-unpublished",
            _ => null,
        };
        if (action is null) return RuleResult.Refuse("该数据集已是草稿");
        if (dataset.Status == DatasetStatus.Published && reason is null) return RuleResult.Refuse("下架已发布的数据集时，请填写原因");
        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // Conditional: a review that decided the dataset meanwhile is not overwritten.
        var changed = await db.Datasets.Where(d => d.Id == datasetId && d.Status == dataset.Status && d.ReviewRound == dataset.ReviewRound)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.Status, DatasetStatus.Draft).SetProperty(d => d.UpdatedAt, now), cancellationToken);
        if (changed == 0) return RuleResult.Refuse("该数据集的状态刚被其他组织者更改，请刷新后重试");
        CatalogChangeLog.Append(db, dataset.Id, now);
        await audit.AppendAsync(new AuditEvent(action, $"dataset:{dataset.Id}", "ok", $"{dataset.Title}; 第 {dataset.ReviewRound} 轮" + (reason is null ? "" : $"; 原因：{reason}"))
            { DatasetId = dataset.Id }, CancellationToken.None);
        await transaction.CommitAsync(CancellationToken.None);
        return RuleResult.Ok;
    }
}
