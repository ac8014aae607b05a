using System.Text.Json;
using ContestSite.Data;
using ContestSite.Web.Audit;
using Microsoft.EntityFrameworkCore;

namespace ContestSite.Web.Setup;

/// <summary>
/// Runs a recipe's steps in order inside one transaction: either every step applies, or the database
/// is left exactly as it was and the error names the step and the reason.
/// </summary>
public sealed class RecipeExecutor(IEnumerable<IRecipeStep> steps, IEnumerable<IRecipePreparation> preparations, ContestDbContext db, IAuditLog audit, TimeProvider clock, ILogger<RecipeExecutor> logger)
{
    private readonly Dictionary<string, IRecipeStep> _steps = steps.ToDictionary(s => s.Name, StringComparer.Ordinal);

    public IReadOnlyCollection<string> KnownSteps => _steps.Keys;

    public async Task<RecipeResult> RunFileAsync(string path, CancellationToken cancellationToken = default)
    {
        if (!File.Exists(path)) return Failed($"找不到配方文件：{path}");
        await using var stream = File.OpenRead(path);
        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(stream, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true }, cancellationToken);
        }
        catch (JsonException ex)
        {
            return Failed($"配方文件不是有效的 JSON（第 {ex.LineNumber + 1} 行）：{ex.Message}");
        }
        using (document)
            return await RunAsync(document.RootElement, Path.GetDirectoryName(Path.GetFullPath(path))!, cancellationToken);
    }

    public async Task<RecipeResult> RunAsync(JsonElement recipe, string recipeDirectory, CancellationToken cancellationToken = default)
    {
        if (recipe.ValueKind != JsonValueKind.Object || !recipe.TryGetProperty("steps", out var stepList) || stepList.ValueKind != JsonValueKind.Array)
            return Failed("配方须是一个含有 \"steps\" 数组的 JSON 对象");
        var recipeName = RecipeJson.OptionalString(recipe, "name") ?? "(unnamed)";

        // Every step is checked to be known before anything runs, so a typo changes nothing.
        var ordered = new List<(int Number, IRecipeStep Step, JsonElement Element)>();
        var number = 0;
        foreach (var element in stepList.EnumerateArray())
        {
            number++;
            var name = element.ValueKind == JsonValueKind.Object ? RecipeJson.OptionalString(element, "step") : null;
            if (name is null) return Failed($"第 {number} 步缺少 \"step\" 名称");
            if (!_steps.TryGetValue(name, out var step))
                return Failed($"第 {number} 步：未知的配方步骤“{name}”（可用：{string.Join(", ", _steps.Keys.Order())}）");
            ordered.Add((number, step, element));
        }

        var context = new RecipeContext(recipeDirectory, clock.GetUtcNow());
        foreach (var preparation in preparations) await preparation.PrepareAsync(cancellationToken);
        var strategy = db.Database.CreateExecutionStrategy();
        string? error = null;
        await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            foreach (var (stepNumber, step, element) in ordered)
            {
                try
                {
                    await step.ExecuteAsync(element, context, cancellationToken);
                    await db.SaveChangesAsync(cancellationToken);
                }
                catch (Exception ex) when (ex is RecipeStepException or DbUpdateException or JsonException or InvalidOperationException or FormatException or IOException)
                {
                    logger.LogWarning(ex, "Recipe {Recipe} failed at step {Number} ({Step})", recipeName, stepNumber, step.Name);
                    error = $"第 {stepNumber} 步（{step.Name}）失败：{(ex is DbUpdateException db2 ? db2.InnerException?.Message ?? db2.Message : ex.Message)}；数据库未作任何更改";
                    await transaction.RollbackAsync(CancellationToken.None);
                    db.ChangeTracker.Clear();
                    return;
                }
            }
            await audit.AppendAsync(new AuditEvent("setup.recipe", $"recipe:{recipeName}", "applied", $"{ordered.Count} steps"), cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        });
        if (error is not null) return Failed(error);

        return new RecipeResult(true, null, context.Messages) { DemoPassword = context.DemoAccounts.Count > 0 ? context.DemoPassword : null, DemoAccounts = context.DemoAccounts };
    }

    private static RecipeResult Failed(string error, IReadOnlyList<string>? messages = null) => new(false, error, messages ?? []);
}
