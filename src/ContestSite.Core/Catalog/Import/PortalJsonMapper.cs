using System.Text.Json;

namespace ContestSite.Core.Catalog.Import;

/// <summary>Turns one record of a portal's JSON export into a dataset; recognised by the export's keys.</summary>
internal abstract class PortalJsonMapper
{
    public abstract string Format { get; }
    public abstract string Source { get; }
    protected abstract string TitleKey { get; }
    protected abstract string[] IdentifyingKeys { get; }

    public bool Recognises(JsonElement record) =>
        record.ValueKind == JsonValueKind.Object && IdentifyingKeys.All(key => record.TryGetProperty(key, out _));

    public RowResult Map(JsonElement element, DateTimeOffset now)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            return RowResult.Fail($"应为 JSON 对象，实际为 {element.ValueKind}");
        }
        var record = new JsonRecord(element);
        var title = record.Text(TitleKey);
        if (title is null)
        {
            return RowResult.Fail($"{TitleKey}（标题）为空");
        }
        var dataset = new Dataset
        {
            Title = title,
            Source = Source,
            Status = DatasetStatus.Published,
            CreatedAt = now,
            UpdatedAt = now,
        };
        Fill(dataset, record);
        // The key keeps the export's own URL, so records imported before links were checked keep their identity.
        dataset.SourceKey = SourceKeys.For(Source, dataset.SourceUrl, dataset.Provider, title);
        dataset.SourceUrl = SourceLinks.OnPortal(Source, dataset.SourceUrl);
        return RowResult.Ok(dataset);
    }

    /// <summary>Copies the portal's columns onto the dataset; title and source are set already.</summary>
    protected abstract void Fill(Dataset dataset, JsonRecord record);
}
