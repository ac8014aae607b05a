using System.Text.Json;

namespace ContestSite.Web.Setup;

/// <summary>A recipe step does one kind of set-up (roles, contest, announcements…), idempotently.</summary>
[ExtensionPoint]
public interface IRecipeStep
{
    /// <summary>The value of <c>"step"</c> in the recipe file.</summary>
    string Name { get; }
    Task ExecuteAsync(JsonElement step, RecipeContext context, CancellationToken cancellationToken);
}

/// <summary>
/// Something a step will need that its owner writes on a connection of its own (a generated key): made before the
/// recipe's transaction opens, because on SQLite a second connection would wait for that transaction's lock.
/// </summary>
[ExtensionPoint]
public interface IRecipePreparation
{
    Task PrepareAsync(CancellationToken cancellationToken);
}

/// <summary>A step that cannot be carried out; its message says why, in words an operator can act on.</summary>
[ExtensionPoint]
public sealed class RecipeStepException(string message) : Exception(message);

[ExtensionPoint]
public sealed class RecipeContext(string recipeDirectory, DateTimeOffset now)
{
    /// <summary>Relative file names in a recipe are read from the recipe's own folder.</summary>
    public string RecipeDirectory { get; } = recipeDirectory;
    /// <summary>The moment the run began: every <c>"now+14d"</c> of one run counts from the same instant.</summary>
    public DateTimeOffset Now { get; } = now;
    /// <summary>The password every demo account of this run shares, once a step has asked for it (never stored in clear).</summary>
    public string? DemoPassword { get; set; }
    /// <summary>The demo accounts made by this run, for the start-up block: address and role.</summary>
    public List<(string Email, string Role)> DemoAccounts { get; } = [];
    /// <summary>Lines for the operator: the generated organizer password, counts of what was imported.</summary>
    public List<string> Messages { get; } = [];
}

public sealed record RecipeResult(bool Succeeded, string? Error, IReadOnlyList<string> Messages)
{
    /// <summary>The shared password of the demo accounts this run made (null when it made none).</summary>
    public string? DemoPassword { get; init; }
    public IReadOnlyList<(string Email, string Role)> DemoAccounts { get; init; } = [];
}

[ExtensionPoint]
public static class RecipeJson
{
    public static string RequiredString(JsonElement element, string property, string stepName)
    {
        if (element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(value.GetString()))
            return value.GetString()!;
        throw new RecipeStepException($"步骤 {stepName} 缺少文本属性 \"{property}\"");
    }

    public static string? OptionalString(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    public static int OptionalInt(JsonElement element, string property, int fallback) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetInt32() : fallback;

    public static bool OptionalBool(JsonElement element, string property, bool fallback = false) =>
        element.TryGetProperty(property, out var value) && value.ValueKind is JsonValueKind.True or JsonValueKind.False ? value.GetBoolean() : fallback;

    public static decimal RequiredDecimal(JsonElement element, string property, string stepName) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetDecimal()
            : throw new RecipeStepException($"步骤 {stepName} 缺少数值属性 \"{property}\"");

    /// <summary>
    /// An absolute time (<c>2020-09-01T00:00:00+08:00</c>) or one relative to the start of the run: <c>now</c>,
    /// <c>now+14d</c>, <c>now-30d</c>, <c>now+2h</c>, <c>now-1d12h</c> (units d, h, m), so a demo season is always live.
    /// </summary>
    public static DateTimeOffset RequiredTime(JsonElement element, string property, string stepName, RecipeContext context)
    {
        var text = RequiredString(element, property, stepName);
        if (RelativeTime.TryParse(text, context.Now, out var relative, out var problem))
            return problem is null ? relative : throw new RecipeStepException($"步骤 {stepName} 的 \"{property}\" 不是有效的相对时间：{text}（{problem}）");
        return DateTimeOffset.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var time)
            ? time.ToUniversalTime()
            : throw new RecipeStepException($"步骤 {stepName} 的 \"{property}\" 不是有效时间：{text}（示例：2020-09-01T00:00:00+08:00 或 now+14d）");
    }

    /// <summary>A year as a number (<c>2020</c>) or relative to the run (<c>"now"</c>, <c>"now-1"</c>); 0 when absent.</summary>
    public static int Year(JsonElement element, string property, string stepName, RecipeContext context)
    {
        if (!element.TryGetProperty(property, out var value)) return 0;
        if (value.ValueKind == JsonValueKind.Number) return value.GetInt32();
        var text = value.ValueKind == JsonValueKind.String ? value.GetString()!.Replace(" ", "", StringComparison.Ordinal) : "";
        var thisYear = context.Now.ToOffset(TimeSpan.FromHours(8)).Year; // the contest's year is the year in China
        if (text == "now") return thisYear;
        if (text.Length > 4 && text.StartsWith("now", StringComparison.Ordinal) && text[3] is '+' or '-'
            && int.TryParse(text[4..], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var years))
            return text[3] == '+' ? thisYear + years : thisYear - years;
        throw new RecipeStepException($"步骤 {stepName} 的 \"{property}\" 应为年份（2020）或相对年份（\"now\"、\"now-1\"），不是：{value}");
    }

    public static JsonElement Object(JsonElement element, string property, string stepName) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.Object ? value
            : throw new RecipeStepException($"步骤 {stepName} 缺少对象属性 \"{property}\"");

    public static IEnumerable<JsonElement> Array(JsonElement element, string property)
    {
        if (!element.TryGetProperty(property, out var value)) return [];
        if (value.ValueKind != JsonValueKind.Array) throw new RecipeStepException($"属性 \"{property}\" 应为数组");
        return value.EnumerateArray();
    }
}
