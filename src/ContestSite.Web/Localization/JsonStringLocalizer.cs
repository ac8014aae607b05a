using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Localization;

namespace ContestSite.Web.Localization;

/// <summary>
/// UI text is written in Chinese in the code; the Chinese text is the key. Each other language has a
/// folder of JSON files (<c>Localization/en-US/Teams.json</c>), one per feature, mapping the Chinese to
/// the translation. A text with no translation falls back to the Chinese.
/// </summary>
public sealed class JsonStringLocalizerFactory : IStringLocalizerFactory
{
    private readonly string _root;
    private readonly ConcurrentDictionary<string, IReadOnlyDictionary<string, string>> _byCulture = new();

    public JsonStringLocalizerFactory(IHostEnvironment environment)
    {
        var beside = Path.Combine(AppContext.BaseDirectory, "Localization");
        _root = Directory.Exists(beside) ? beside : Path.Combine(environment.ContentRootPath, "Localization");
    }

    public IStringLocalizer Create(Type resourceSource) => new JsonStringLocalizer(this);
    public IStringLocalizer Create(string baseName, string location) => new JsonStringLocalizer(this);

    internal IReadOnlyDictionary<string, string> For(CultureInfo culture) =>
        _byCulture.GetOrAdd(culture.Name, Load);

    private IReadOnlyDictionary<string, string> Load(string cultureName)
    {
        var translations = new Dictionary<string, string>(StringComparer.Ordinal);
        var folder = Path.Combine(_root, cultureName);
        if (!Directory.Exists(folder)) return translations;
        foreach (var file in Directory.EnumerateFiles(folder, "*.json").Order(StringComparer.Ordinal))
        {
            using var stream = File.OpenRead(file);
            var entries = JsonSerializer.Deserialize<Dictionary<string, string>>(stream) ?? [];
            foreach (var (chinese, translated) in entries) translations[chinese] = translated;
        }
        return translations;
    }
}

public sealed class JsonStringLocalizer(JsonStringLocalizerFactory factory) : IStringLocalizer
{
    public LocalizedString this[string name]
    {
        get
        {
            var found = factory.For(CultureInfo.CurrentUICulture).TryGetValue(name, out var value);
            return new LocalizedString(name, found ? value! : name, resourceNotFound: !found);
        }
    }

    public LocalizedString this[string name, params object[] arguments]
    {
        get
        {
            var text = this[name];
            return new LocalizedString(name, string.Format(CultureInfo.CurrentCulture, text.Value, arguments), text.ResourceNotFound);
        }
    }

    public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) =>
        factory.For(CultureInfo.CurrentUICulture).Select(pair => new LocalizedString(pair.Key, pair.Value));
}
