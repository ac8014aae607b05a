using System.Text.Json;
using ContestSite.Core.Catalog;
using ContestSite.Data;
using ContestSite.Web.Audit;
using ContestSite.Web.Setup;
using ContestSite.Web.Storage;
using Microsoft.EntityFrameworkCore;

namespace ContestSite.Web.Catalog;

/// <summary>
/// <c>{"step":"catalog","file":"data/demo-catalog.json","files":[{"title":"…","file":"data/x.csv"}]}</c>:
/// imports a catalogue file, relative to the recipe, and attaches data files to datasets by title
/// (a file already attached with the same content is not attached again).
/// </summary>
public sealed class CatalogRecipeStep(CatalogImportService importer, ContestDbContext db, IFileStore files, IAuditLog audit, TimeProvider clock) : IRecipeStep
{
    public string Name => "catalog";

    public async Task ExecuteAsync(JsonElement step, RecipeContext context, CancellationToken cancellationToken)
    {
        var relative = RecipeJson.RequiredString(step, "file", Name);
        var path = Path.GetFullPath(Path.Combine(context.RecipeDirectory, relative));
        if (!File.Exists(path)) throw new RecipeStepException($"找不到目录文件：{path}");
        await using var file = File.OpenRead(path);
        // The operator installing the site publishes the demo catalogue directly: recorded as a batch assessment by the
        // recipe (nothing confirmed by a person), so the review history says how these datasets were opened.
        var report = await importer.ImportAsync(file, ImportArrival.PublishedByOperator("安装配方"), cancellationToken);
        if (!report.Succeeded) throw new RecipeStepException($"目录文件 {relative} 无法导入：{report.FatalError}");
        if (report.Problems.Count > 0)
            throw new RecipeStepException($"目录文件 {relative} 有 {report.Problems.Count} 条记录无法读取，第一条在第 {report.Problems[0].Position} 条：{report.Problems[0].Reason}");
        foreach (var id in report.InsertedIds)
            await audit.AppendAsync(new AuditEvent("catalog.dataset-reviewed", $"dataset:{id}", "published-by-recipe",
                $"安装配方导入 {relative}，直接发布，未经组织者审核; 批次 {report.ImportId} ({report.Inserted})") { DatasetId = id }, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        var attached = 0;
        foreach (var item in RecipeJson.Array(step, "files"))
            if (await AttachAsync(item, context, cancellationToken)) attached++;
        context.Messages.Add($"数据目录：新增 {report.Inserted}，更新 {report.Updated}，未变 {report.Unchanged}，附加文件 {attached}");
    }

    private async Task<bool> AttachAsync(JsonElement item, RecipeContext context, CancellationToken cancellationToken)
    {
        var title = RecipeJson.RequiredString(item, "title", Name);
        var relative = RecipeJson.RequiredString(item, "file", Name);
        var path = Path.GetFullPath(Path.Combine(context.RecipeDirectory, relative));
        if (!File.Exists(path)) throw new RecipeStepException($"找不到数据文件：{path}");
        var dataset = await db.Datasets.Include(d => d.Resources).FirstOrDefaultAsync(d => d.Title == title, cancellationToken)
            ?? throw new RecipeStepException($"数据目录中没有标题为“{title}”的数据集");
        StoredFile stored;
        await using (var content = File.OpenRead(path))
            stored = await files.SaveAsync(content, long.MaxValue, cancellationToken);
        if (dataset.Resources.Any(r => r.ContentHash == stored.Sha256)) return false;
        dataset.Resources.Add(new DatasetResource
        {
            FileName = Path.GetFileName(path), SizeBytes = stored.Size, ContentHash = stored.Sha256, StorageKey = stored.Key,
            Format = Path.GetExtension(path).TrimStart('.').ToLowerInvariant(), UploadedAt = clock.GetUtcNow(),
        });
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }
}
