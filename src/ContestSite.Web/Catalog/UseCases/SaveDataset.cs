using ContestSite.Core.Catalog;
using ContestSite.Core.Rules;
using ContestSite.Data;
using ContestSite.Web.Audit;
using ContestSite.Web.Catalog.Admin;
using Microsoft.EntityFrameworkCore;

namespace ContestSite.Web.Catalog.UseCases;

/// <summary>
/// What a change to the catalogue came to: the dataset saved, the field-list lines that could not be read, or a
/// refusal (a localizer key) such as a classification change without its reason.
/// </summary>
public sealed record DatasetChange(Guid Id, IReadOnlyList<string> BadFieldLines, RuleResult? Refusal = null)
{
    public bool Saved => BadFieldLines.Count == 0 && Refusal is null;
}

/// <summary>
/// Adds a dataset to the catalogue by hand, or changes one (the index follows through the change log). A change of
/// an existing dataset's open type, level or sensitive fields needs a reason; each part changed is kept as
/// old → new with who, when and why, marked as decided here (a portal re-import no longer changes it), and audited
/// with the dataset's id. A new dataset is a draft; one in review is not changed (withdraw it first); a published one
/// may be classified more strictly at once, never less strictly (that goes back through review). The level's rule (<see cref="SensitivityRules"/>) is checked whenever the classification
/// changes.
/// </summary>
public sealed class SaveDataset(ContestDbContext db, IAuditLog audit, TimeProvider clock)
{
    /// <summary>Null when there is no such dataset.</summary>
    public async Task<DatasetChange?> SaveAsync(Guid? datasetId, DatasetInput input, string? userId, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var dataset = datasetId is null ? new Dataset { Title = "", CreatedAt = now }
            : await db.Datasets.Include(d => d.Fields).AsSplitQuery().SingleOrDefaultAsync(d => d.Id == datasetId, cancellationToken);
        if (dataset is null) return null;
        // The reviewer assesses what will be published: withdrawn first, then changed, then submitted again.
        if (dataset.Status == DatasetStatus.InReview) return new DatasetChange(dataset.Id, [], RuleResult.Refuse("该数据集正在审核中，不能修改；如需修改，请先撤回审核"));
        var before = Classification.Of(dataset);
        var badLines = input.ApplyTo(dataset);
        // A refused change leaves nothing tracked behind it.
        DatasetChange Refused(IReadOnlyList<string> lines, RuleResult? refusal = null)
        {
            db.ChangeTracker.Clear();
            return new DatasetChange(dataset.Id, lines, refusal);
        }
        if (badLines.Count > 0) return Refused(badLines);
        var reason = input.ClassificationReason?.Trim() ?? "";
        var changes = datasetId is null ? [] : Classification.Of(dataset).ChangesFrom(before);
        if (changes.Count > 0 && reason.Length == 0) return Refused([], RuleResult.Refuse("更改开放类型、分类分级或敏感字段时，请填写原因"));
        if (reason.Length > Classification.MaxReasonLength) return Refused([], RuleResult.Refuse("原因不能超过 500 个字符"));
        if (datasetId is null || changes.Count > 0)
        {
            var after = Classification.Of(dataset);
            var ruled = datasetId is null ? [] : await db.FieldMaskingRules.Where(r => r.DatasetId == datasetId).Select(r => r.FieldName).ToListAsync(cancellationToken);
            var levelRule = SensitivityRules.Check(after.SensitivityLevel, after.OpenType, after.SensitiveFields, ruled);
            if (!levelRule.Allowed) return Refused([], levelRule);
        }
        // Review before opening (four eyes) would mean nothing if a published dataset could be opened further by one person.
        if (changes.Count > 0 && dataset.Status == DatasetStatus.Published && Classification.Of(dataset).Loosens(before))
            return Refused([], RuleResult.Refuse("已发布数据集的开放类型、分级或敏感字段只能收紧；要放宽，请先撤回为草稿，修改后提交审核"));

        dataset.UpdatedAt = now;
        dataset.LastEditedById = userId;
        if (datasetId is null)
        {
            // Made here by hand: a draft, published only through review; every part of its classification is the organizer's from the start.
            dataset.Status = DatasetStatus.Draft;
            dataset.DecidedHere = ClassificationFields.OpenType | ClassificationFields.SensitivityLevel | ClassificationFields.SensitiveFields;
            db.Datasets.Add(dataset);
        }
        var byName = userId is null ? null : await db.Users.Where(u => u.Id == userId).Select(u => u.DisplayName).FirstOrDefaultAsync(cancellationToken);
        foreach (var (field, old, @new) in changes)
        {
            dataset.DecidedHere |= field;
            db.ClassificationChanges.Add(new ClassificationChange
            {
                DatasetId = dataset.Id, Field = field, OldValue = old, NewValue = @new, Reason = reason, At = now, ByUserId = userId, ByName = byName,
            });
        }
        // The change, its history and both audit entries commit together.
        await db.InTransactionAsync(async () =>
        {
            await audit.AppendAsync(() => new AuditEvent(datasetId is null ? "catalog.dataset-created" : "catalog.dataset-changed", $"dataset:{dataset.Id}", "ok",
                $"{dataset.Title}; {dataset.OpenType}; {dataset.Status}") { DatasetId = dataset.Id }, CancellationToken.None);
            if (changes.Count > 0)
                await audit.AppendAsync(() => new AuditEvent("catalog.dataset-classified", $"dataset:{dataset.Id}", "ok",
                    string.Join("; ", changes.Select(c => $"{c.Field}: {c.Old} → {c.New}")) + $"; 原因：{reason}") { DatasetId = dataset.Id }, CancellationToken.None);
            return true;
        }, CancellationToken.None);
        return new DatasetChange(dataset.Id, []);
    }
}
