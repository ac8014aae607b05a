namespace ContestSite.Core.Catalog.Import;

/// <summary>
/// Decides what an import does to the catalogue: a record whose source key exists updates that dataset,
/// any other record is inserted. Re-importing a file therefore never duplicates. An update copies only
/// what the portal owns (metadata); the site's own state (id, status, counters, fields, resources,
/// created date) is kept, so a dataset an organizer unpublished stays unpublished. Neither does it take the portal's
/// open type or level where an organizer decided them here (<see cref="Dataset.DecidedHere"/>): those differences
/// are listed in the plan for review instead.
/// </summary>
public static class CatalogImporter
{
    public static ImportPlan Upsert(IReadOnlyDictionary<string, Dataset> existingBySourceKey, ImportBatch batch, DateTimeOffset now)
    {
        if (!batch.Succeeded)
        {
            return new ImportPlan([], [], 0, []);
        }
        var inserts = new List<Dataset>();
        var updates = new List<Dataset>();
        var unchanged = 0;
        var kept = new List<KeptDecision>();
        foreach (var incoming in batch.Datasets)
        {
            if (incoming.SourceKey is null || !existingBySourceKey.TryGetValue(incoming.SourceKey, out var existing))
            {
                incoming.CreatedAt = now;
                incoming.UpdatedAt = now;
                inserts.Add(incoming);
            }
            else if (CopyPortalMetadata(incoming, existing, kept))
            {
                existing.UpdatedAt = now;
                updates.Add(existing);
            }
            else
            {
                unchanged++;
            }
        }
        return new ImportPlan(inserts, updates, unchanged, kept);
    }

    /// <summary>Copies the portal's metadata onto <paramref name="target"/>; true when anything differed.</summary>
    private static bool CopyPortalMetadata(Dataset from, Dataset target, List<KeptDecision> kept)
    {
        var changed = false;
        void Set<T>(T current, T value, Action<T> assign)
        {
            if (!EqualityComparer<T>.Default.Equals(current, value))
            {
                assign(value);
                changed = true;
            }
        }
        void SetList(List<string> current, List<string> value, Action<List<string>> assign)
        {
            if (!current.SequenceEqual(value))
            {
                assign([.. value]);
                changed = true;
            }
        }

        Set(target.Title, from.Title, v => target.Title = v);
        Set(target.Description, from.Description, v => target.Description = v);
        Set(target.Provider, from.Provider, v => target.Provider = v);
        Set(target.Province, from.Province, v => target.Province = v);
        Set(target.City, from.City, v => target.City = v);
        Set(target.District, from.District, v => target.District = v);
        Set(target.Domain, from.Domain, v => target.Domain = v);
        Set(target.Industry, from.Industry, v => target.Industry = v);
        SetList(target.Tags, from.Tags, v => target.Tags = v);
        if (!target.DecidedHere.HasFlag(ClassificationFields.OpenType))
        {
            Set(target.OpenType, from.OpenType, v => target.OpenType = v);
            Set(target.OpenTypeLabel, from.OpenTypeLabel, v => target.OpenTypeLabel = v);
        }
        else if (from.OpenType != target.OpenType)
        {
            kept.Add(new(target.Id, target.Title, ClassificationFields.OpenType, OpenTypeMapper.PlanName(from.OpenType), OpenTypeMapper.PlanName(target.OpenType)));
        }
        if (!target.DecidedHere.HasFlag(ClassificationFields.SensitivityLevel))
            Set(target.SensitivityLevel, from.SensitivityLevel, v => target.SensitivityLevel = v);
        else if (from.SensitivityLevel != target.SensitivityLevel)
            kept.Add(new(target.Id, target.Title, ClassificationFields.SensitivityLevel, Classification.LevelText(from.SensitivityLevel), Classification.LevelText(target.SensitivityLevel)));
        SetList(target.Formats, from.Formats, v => target.Formats = v);
        Set(target.RecordCount, from.RecordCount, v => target.RecordCount = v);
        Set(target.UpdateFrequency, from.UpdateFrequency, v => target.UpdateFrequency = v);
        Set(target.FirstPublished, from.FirstPublished, v => target.FirstPublished = v);
        Set(target.LastUpdated, from.LastUpdated, v => target.LastUpdated = v);
        Set(target.Source, from.Source, v => target.Source = v);
        Set(target.SourceUrl, from.SourceUrl, v => target.SourceUrl = v);
        return changed;
    }
}
