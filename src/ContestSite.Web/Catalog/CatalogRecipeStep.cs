using System.Text.Json;
using ContestSite.Web.Setup;

namespace ContestSite.Web.Catalog;

/// <summary><c>{"step":"catalog","file":"data/demo-catalog.json"}</c>: imports a catalogue file, relative to the recipe.</summary>
public sealed class CatalogRecipeStep(CatalogImportService importer) : IRecipeStep
{
    public string Name => "catalog";

    public async Task ExecuteAsync(JsonElement step, RecipeContext context, CancellationToken cancellationToken)
    {
        var relative = RecipeJson.RequiredString(step, "file", Name);
        var path = Path.GetFullPath(Path.Combine(context.RecipeDirectory, relative));
        if (!File.Exists(path)) throw new RecipeStepException($"找不到目录文件：{path}");
        await using var file = File.OpenRead(path);
        var report = await importer.ImportAsync(file, cancellationToken);
        if (!report.Succeeded) throw new RecipeStepException($"目录文件 {relative} 无法导入：{report.FatalError}");
        if (report.Problems.Count > 0)
            throw new RecipeStepException($"目录文件 {relative} 有 {report.Problems.Count} 条记录无法读取，第一条在第 {report.Problems[0].Position} 条：{report.Problems[0].Reason}");
        context.Messages.Add($"数据目录：新增 {report.Inserted}，更新 {report.Updated}，未变 {report.Unchanged}");
    }
}
