using ContestSite.Search;
using ContestSite.Web.Audit;
using ContestSite.Web.Hosting;

namespace ContestSite.Web.Catalog;

public sealed class CatalogImportCommand : ISiteCommand
{
    public IReadOnlyList<string> Words => ["catalog", "import"];
    public string Usage => "catalog import <file> [--publish]  imports a portal's catalogue export (JSON or the combined CSV) as drafts (or in review, by ContestSite__Catalog__Import__ArriveAs); --publish publishes them, recorded as published by the operator";

    public async Task<int> RunAsync(IReadOnlyList<string> arguments, IServiceProvider services, TextWriter output, CancellationToken cancellationToken)
    {
        var publish = arguments.Count == 2 && arguments[1] == "--publish";
        if (arguments.Count != 1 && !publish)
        {
            await Console.Error.WriteLineAsync("用法 / usage: " + Usage);
            return 2;
        }
        var path = Path.GetFullPath(arguments[0]);
        if (!File.Exists(path))
        {
            await Console.Error.WriteLineAsync($"找不到文件 / file not found: {path}");
            return 1;
        }
        using var scope = services.CreateScope();
        CatalogImportReport report;
        await using (var file = File.OpenRead(path))
            report = await scope.ServiceProvider.GetRequiredService<UseCases.ImportCatalogFile>().ImportAsync(Path.GetFileName(path), file, userId: null, publish, cancellationToken);
        await CatalogImportReporting.WriteAsync(report, output);
        return report.Succeeded ? 0 : 1;
    }
}

public sealed class CatalogReindexCommand : ISiteCommand
{
    public IReadOnlyList<string> Words => ["catalog", "reindex"];
    public string Usage => "catalog reindex            rebuilds this node's catalogue index from the database";

    public async Task<int> RunAsync(IReadOnlyList<string> arguments, IServiceProvider services, TextWriter output, CancellationToken cancellationToken)
    {
        var count = await services.GetRequiredService<CatalogIndexService>().RebuildAsync(cancellationToken);
        await output.WriteLineAsync($"索引已重建 / index rebuilt: {count} datasets");
        return 0;
    }
}

public static class CatalogImportReporting
{
    public static async Task WriteAsync(CatalogImportReport report, TextWriter output)
    {
        if (!report.Succeeded)
        {
            await Console.Error.WriteLineAsync($"无法导入 / cannot import: {report.FatalError}（数据库未作任何更改 / nothing was changed）");
            return;
        }
        await output.WriteLineAsync($"格式 {report.Format}：读取 {report.RowsRead} 行，新增 {report.Inserted}，更新 {report.Updated}，未变 {report.Unchanged}，重复 {report.Duplicates}，问题 {report.Problems.Count}");
        foreach (var problem in report.Problems.Take(100))
            await output.WriteLineAsync($"  第 {problem.Position} 条 / row {problem.Position}: {problem.Reason}");
        if (report.Problems.Count > 100) await output.WriteLineAsync($"  …… 另有 {report.Problems.Count - 100} 个问题");
    }
}
