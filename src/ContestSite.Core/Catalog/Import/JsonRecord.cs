using System.Text.Json;

namespace ContestSite.Core.Catalog.Import;

/// <summary>Reads the loosely typed properties of one exported JSON record.</summary>
internal readonly struct JsonRecord(JsonElement element)
{
    public bool Has(string name) => element.TryGetProperty(name, out _);

    public string? Text(string name)
    {
        if (!element.TryGetProperty(name, out var value))
        {
            return null;
        }
        return value.ValueKind switch
        {
            JsonValueKind.String => ImportValues.Text(value.GetString()),
            JsonValueKind.Number => value.GetRawText(),
            _ => null,
        };
    }

    /// <summary>A property that is either a JSON array of strings or one separated string.</summary>
    public IEnumerable<string?> List(string name)
    {
        if (!element.TryGetProperty(name, out var value))
        {
            return [];
        }
        return value.ValueKind switch
        {
            JsonValueKind.Array => value.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()).ToList(),
            JsonValueKind.String => [value.GetString()],
            _ => [],
        };
    }
}
