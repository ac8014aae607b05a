using ContestSite.Core.Catalog;
using ContestSite.Core.Rules;
using ContestSite.Data;
using ContestSite.Web.Audit;
using ContestSite.Web.Storage;
using Microsoft.EntityFrameworkCore;

namespace ContestSite.Web.Catalog.UseCases;

/// <summary>Stores a file an organizer attaches to a dataset (a resource teams download) and lists it on the dataset.</summary>
public sealed class AddDatasetFile(ContestDbContext db, IFileStore files, IAuditLog audit, TimeProvider clock)
{
    public const long MaxBytes = 1L << 30;

    /// <summary>Null when there is no such dataset.</summary>
    public async Task<RuleResult?> AddAsync(Guid datasetId, string fileName, Stream content, CancellationToken cancellationToken = default)
    {
        var dataset = await db.Datasets.Include(d => d.Resources).SingleOrDefaultAsync(d => d.Id == datasetId, cancellationToken);
        if (dataset is null) return null;
        if (dataset.Status == DatasetStatus.InReview) return RuleResult.Refuse("该数据集正在审核中，不能修改；如需修改，请先撤回审核");
        StoredFile stored;
        try
        {
            stored = await files.SaveAsync(content, MaxBytes, cancellationToken);
        }
        catch (FileTooLargeException)
        {
            return RuleResult.Refuse("文件超过 1 GB，未保存。");
        }
        var name = FileNames.Clean(fileName);
        var now = clock.GetUtcNow();
        dataset.Resources.Add(new DatasetResource
        {
            FileName = name, SizeBytes = stored.Size, ContentHash = stored.Sha256, StorageKey = stored.Key,
            Format = Path.GetExtension(name).TrimStart('.').ToLowerInvariant() is { Length: > 0 } ext ? ext : null, UploadedAt = now,
        });
        dataset.UpdatedAt = now;
        await audit.AppendAsync(() => new AuditEvent("catalog.file-added", $"dataset:{dataset.Id}", "ok", $"{name} {stored.Size} bytes sha256 {stored.Sha256}"),
            CancellationToken.None);
        return RuleResult.Ok;
    }
}
