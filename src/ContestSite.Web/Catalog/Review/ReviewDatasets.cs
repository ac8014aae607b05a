using ContestSite.Core.Catalog;
using ContestSite.Core.Rules;
using ContestSite.Data;
using ContestSite.Data.Catalog;
using ContestSite.Web.Audit;
using Microsoft.EntityFrameworkCore;

namespace ContestSite.Web.Catalog.Review;

/// <summary>One dataset of a review and the round (submission) the reviewer saw.</summary>
public sealed record ReviewItem(Guid DatasetId, int Round);

/// <summary>What a review came to: how many datasets it decided, or every reason it was refused (then nothing changed).</summary>
public sealed record ReviewOutcome(int Reviewed, IReadOnlyList<RuleResult> Refusals)
{
    public bool Done => Refusals.Count == 0;
    public static ReviewOutcome Refused(params RuleResult[] refusals) => new(0, refusals);
}

/// <summary>
/// Records one assessment for one dataset or a batch (开放前评估审查) and approves (→ published) or returns (→ draft)
/// them all. All or nothing: a batch with one dataset the reviewer may not review (submitted or last changed it, not in
/// review, masking claimed complete while rules are missing) is refused as a whole, naming each such dataset. The
/// state changes by a conditional update (still in review, same round), so of two reviewers deciding the same round
/// at once one is recorded, and a dataset withdrawn meanwhile is not decided; each dataset's review is audited with its id.
/// </summary>
public sealed class ReviewDatasets(ContestDbContext db, IAuditLog audit, Contributions.ContributionEmails contributors, TimeProvider clock)
{
    public const int MaxBatch = 5000;
    /// <summary>Ids per query: well under what SQLite and PostgreSQL accept as parameters, however large the batch.</summary>
    internal const int Slice = 500;
    /// <summary>The tag of the query that reads the datasets to review (a test holds two reviews there to race them).</summary>
    public const string LoadTag = "dataset-review-load";

    public async Task<ReviewOutcome> ReviewAsync(IReadOnlyList<ReviewItem> items, ReviewAssessment assessment, string reviewerId, CancellationToken cancellationToken = default)
    {
        if (items.Count == 0) return ReviewOutcome.Refused(RuleResult.Refuse("请选择要审核的数据集"));
        if (items.Count > MaxBatch) return ReviewOutcome.Refused(RuleResult.Refuse("一次最多审核 {0} 个数据集", MaxBatch));
        var valid = DatasetReviewRules.CheckAssessment(assessment);
        if (!valid.Allowed) return ReviewOutcome.Refused(valid);
        var wanted = items.GroupBy(i => i.DatasetId).Select(g => g.First()).ToList();

        var found = await LoadAsync(wanted.Select(i => i.DatasetId).ToList(), cancellationToken);
        var refusals = new List<RuleResult>();
        var missing = wanted.Count(i => !found.ContainsKey(i.DatasetId));
        if (missing > 0) refusals.Add(RuleResult.Refuse("有 {0} 个所选数据集不存在", missing));
        foreach (var item in wanted.Where(i => found.ContainsKey(i.DatasetId)))
        {
            var rule = DatasetReviewRules.Check(found[item.DatasetId], item.Round, reviewerId, assessment);
            if (!rule.Allowed) refusals.Add(rule);
        }
        if (refusals.Count > 0) return new ReviewOutcome(0, refusals);

        var now = clock.GetUtcNow();
        var reviewerName = await db.Users.Where(u => u.Id == reviewerId).Select(u => u.DisplayName).FirstOrDefaultAsync(cancellationToken);
        var approve = assessment.Decision == ReviewDecision.Approved;
        // Inside a transaction already open (a recipe publishing demo data) the review joins it: the recipe then fails as a whole.
        await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        var changed = 0;
        foreach (var round in wanted.GroupBy(i => i.Round))
            foreach (var slice in round.Select(i => i.DatasetId).Chunk(Slice))
            {
                var stillInReview = db.Datasets.Where(d => slice.Contains(d.Id) && d.Status == DatasetStatus.InReview && d.ReviewRound == round.Key);
                changed += approve
                    ? await stillInReview.ExecuteUpdateAsync(s => s.SetProperty(d => d.Status, DatasetStatus.Published)
                        .SetProperty(d => d.FirstPublished, d => d.FirstPublished ?? now).SetProperty(d => d.UpdatedAt, now), cancellationToken)
                    : await stillInReview.ExecuteUpdateAsync(s => s.SetProperty(d => d.Status, DatasetStatus.Draft).SetProperty(d => d.UpdatedAt, now), cancellationToken);
            }
        if (changed != wanted.Count)
        {
            if (transaction is not null) await transaction.RollbackAsync(cancellationToken);
            return ReviewOutcome.Refused(RuleResult.Refuse("所选数据集中有的刚被其他组织者审核或撤回，本次审核未作任何更改，请刷新后重试"));
        }

        var batchId = Guid.CreateVersion7();
        foreach (var item in wanted)
        {
            var dataset = found[item.DatasetId];
            db.DatasetReviews.Add(new DatasetReview
            {
                DatasetId = dataset.Id, Round = dataset.Round, Decision = assessment.Decision, BatchId = batchId, BatchSize = wanted.Count,
                LevelConfirmed = assessment.LevelConfirmed, SensitiveFieldsConfirmed = assessment.SensitiveFieldsConfirmed,
                MaskingRulesComplete = assessment.MaskingRulesComplete, OpenTypeJustification = Clean(assessment.OpenTypeJustification),
                ReturnReason = approve ? null : Clean(assessment.ReturnReason),
                OpenType = dataset.OpenType, SensitivityLevel = dataset.SensitivityLevel, SensitiveFields = Classification.FieldsText(dataset.SensitiveFields),
                SubmittedById = dataset.SubmittedById, SubmittedAt = dataset.SubmittedAt, ReviewerId = reviewerId, ReviewerName = reviewerName, At = now,
            });
            // The bulk update passes the change tracker by: the search index learns of it here.
            CatalogChangeLog.Append(db, dataset.Id, now);
        }
        var detail = approve
            ? $"approved; 级别已确认 {assessment.LevelConfirmed}; 敏感字段已确认 {assessment.SensitiveFieldsConfirmed}; 脱敏规则完整 {assessment.MaskingRulesComplete}; 开放类型依据：{Clean(assessment.OpenTypeJustification)}"
            : $"returned; 原因：{Clean(assessment.ReturnReason)}";
        // Contributors hear of the decision (mail queued with it); organizers' own datasets have nobody to tell.
        await contributors.EnqueueReviewedAsync(wanted.Select(i => i.DatasetId).ToList(), approve, Clean(assessment.ReturnReason), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        // An empty change tracker keeps each of a thousand appends as cheap as the first.
        db.ChangeTracker.Clear();
        foreach (var item in wanted)
        {
            await audit.AppendAsync(new AuditEvent("catalog.dataset-reviewed", $"dataset:{item.DatasetId}", approve ? "approved" : "returned",
                $"{detail}; 第 {item.Round} 轮; 批次 {batchId} ({wanted.Count})") { DatasetId = item.DatasetId, ActorId = reviewerId, ActorName = reviewerName }, cancellationToken);
            db.ChangeTracker.Clear();
        }
        if (transaction is not null) await transaction.CommitAsync(cancellationToken);
        return new ReviewOutcome(wanted.Count, []);
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    /// <summary>The datasets with their sensitive fields and masking rules, read in slices.</summary>
    private async Task<Dictionary<Guid, DatasetUnderReview>> LoadAsync(IReadOnlyList<Guid> ids, CancellationToken cancellationToken)
    {
        var found = new Dictionary<Guid, DatasetUnderReview>();
        foreach (var slice in ids.Chunk(Slice))
        {
            var rows = await db.Datasets.AsNoTracking().TagWith(LoadTag).Where(d => slice.Contains(d.Id))
                .Select(d => new { d.Id, d.Title, d.Status, d.ReviewRound, d.SubmittedById, d.SubmittedAt, d.LastEditedById, d.OpenType, d.SensitivityLevel })
                .ToListAsync(cancellationToken);
            var sensitive = (await db.DatasetFields.AsNoTracking().Where(f => slice.Contains(f.DatasetId) && f.IsSensitive)
                    .Select(f => new { f.DatasetId, f.Name, f.SortOrder }).ToListAsync(cancellationToken))
                .ToLookup(f => f.DatasetId, f => f);
            var ruled = (await db.FieldMaskingRules.AsNoTracking().Where(r => slice.Contains(r.DatasetId)).Select(r => new { r.DatasetId, r.FieldName })
                    .ToListAsync(cancellationToken))
                .ToLookup(r => r.DatasetId, r => r.FieldName);
            foreach (var d in rows)
                found[d.Id] = new DatasetUnderReview(d.Id, d.Title, d.Status, d.ReviewRound, d.SubmittedById, d.SubmittedAt, d.LastEditedById, d.OpenType,
                    d.SensitivityLevel, sensitive[d.Id].OrderBy(f => f.SortOrder).Select(f => f.Name).ToList(), ruled[d.Id].ToList());
        }
        return found;
    }
}
