using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ContestSite.Data.Catalog;

/// <summary>
/// Stores a short list of strings (tags, formats) as one '|'-separated column, which SQLite and
/// PostgreSQL both index and compare; the importer splits on '|', so no value contains it.
/// </summary>
internal static class SeparatedListConversion
{
    private const char Separator = '|';

    public static PropertyBuilder<List<string>> AsSeparatedList(this PropertyBuilder<List<string>> property) =>
        property
            .HasConversion(
                list => string.Join(Separator, list),
                text => text.Split(Separator, StringSplitOptions.RemoveEmptyEntries).ToList(),
                new ValueComparer<List<string>>(
                    (a, b) => (a ?? new List<string>()).SequenceEqual(b ?? new List<string>()),
                    list => list.Aggregate(0, (hash, item) => HashCode.Combine(hash, item.GetHashCode(StringComparison.Ordinal))),
                    list => list.ToList()));
}
