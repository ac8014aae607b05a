using ContestSite.Core.Bundles;
using ContestSite.Core.Catalog;
using ContestSite.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ContestSite.Web.Catalog.Performance;

/// <summary>
/// One provider's line of the opening-performance report: datasets first published in the year against its target,
/// and, over all its published datasets to date, how many are open (not 禁止开放), their downloads, the data-use
/// applications for them (submitted, and approved at some point), and the published gallery entries that use them.
/// </summary>
public sealed record ProviderPerformance(ProviderLevel Level, string Name, int NewInYear, int Target, int OpenDatasets, long Downloads,
    int ApplicationsSubmitted, int ApplicationsApproved, int Showcased)
{
    public bool Met => NewInYear >= Target;
}

public sealed record PerformanceReport(int Year, IReadOnlyList<int> Years, int DepartmentTarget, int CityTarget,
    IReadOnlyList<ProviderPerformance> Departments, IReadOnlyList<ProviderPerformance> Cities);

/// <summary>
/// 开放目录绩效 per <see cref="ZhejiangProviders"/>: every figure is counted by the database, grouped by the dataset's
/// city and (for datasets without a city) provider, so the rows read back are one per group, never one per dataset;
/// the groups are then given to their department or city by the rule.
/// </summary>
public sealed class OpeningPerformance(ContestDbContext db, IOptions<CatalogTargetsOptions> targets, TimeProvider clock)
{
    /// <summary>
    /// The year the page opens on: the latest year (China time, not after this one) in which a counted dataset was first
    /// published, so a new year without openings yet does not open on empty counts; this year when there are none.
    /// </summary>
    public async Task<int> LatestYearWithDataAsync(CancellationToken cancellationToken = default)
    {
        var thisYear = ContestTime.ToChina(clock.GetUtcNow()).Year;
        var before = new DateTimeOffset(thisYear + 1, 1, 1, 0, 0, 0, ContestTime.Offset).ToUniversalTime();
        var latest = await db.Datasets.AsNoTracking()
            .Where(d => d.Province == ZhejiangProviders.Province && d.Status == DatasetStatus.Published && d.FirstPublished != null && d.FirstPublished < before)
            .OrderByDescending(d => d.FirstPublished).Select(d => d.FirstPublished).FirstOrDefaultAsync(cancellationToken);
        return latest is { } at ? ContestTime.ToChina(at).Year : thisYear;
    }

    public async Task<PerformanceReport> ReportAsync(int? askedYear, CancellationToken cancellationToken = default)
    {
        var thisYear = ContestTime.ToChina(clock.GetUtcNow()).Year;
        var year = askedYear is { } asked && asked is >= 2000 and <= 2100 ? asked : thisYear;
        // In UTC: PostgreSQL's timestamptz takes no other offset.
        var from = new DateTimeOffset(year, 1, 1, 0, 0, 0, ContestTime.Offset).ToUniversalTime();
        var to = new DateTimeOffset(year + 1, 1, 1, 0, 0, 0, ContestTime.Offset).ToUniversalTime();
        var counted = db.Datasets.AsNoTracking().Where(d => d.Province == ZhejiangProviders.Province && d.Status == DatasetStatus.Published);

        var datasets = await counted
            .GroupBy(d => new { d.City, Provider = d.City == null ? d.Provider : null })
            .Select(g => new
            {
                g.Key.City, g.Key.Provider,
                New = g.Count(d => d.FirstPublished >= from && d.FirstPublished < to),
                Open = g.Count(d => d.OpenType != OpenType.Prohibited),
                Downloads = g.Sum(d => d.DownloadCount),
            })
            .ToListAsync(cancellationToken);
        var applications = await db.AccessApplications.AsNoTracking()
            .Join(counted, a => a.DatasetId, d => d.Id, (a, d) => new { d.City, Provider = d.City == null ? d.Provider : null, a.Status })
            .GroupBy(x => new { x.City, x.Provider })
            .Select(g => new
            {
                g.Key.City, g.Key.Provider, Submitted = g.Count(),
                // Revoked ones were approved before they were revoked.
                Approved = g.Count(x => x.Status == ApplicationStatus.Approved || x.Status == ApplicationStatus.Revoked),
            })
            .ToListAsync(cancellationToken);
        // An entry that uses two datasets of one provider is one showcased application for it.
        var showcased = await db.GalleryEntries.AsNoTracking().Where(e => e.PublishedAt != null)
            .Join(db.SubmissionVersions, e => new { e.SubmissionId, Number = e.VersionNumber }, v => new { v.SubmissionId, v.Number }, (e, v) => new { EntryId = e.Id, VersionId = v.Id })
            .Join(db.SubmissionDatasets, x => x.VersionId, s => s.VersionId, (x, s) => new { x.EntryId, s.DatasetId })
            .Join(counted, x => x.DatasetId, d => d.Id, (x, d) => new { d.City, Provider = d.City == null ? d.Provider : null, x.EntryId })
            .Distinct()
            .GroupBy(x => new { x.City, x.Provider })
            .Select(g => new { g.Key.City, g.Key.Provider, Entries = g.Count() })
            .ToListAsync(cancellationToken);

        var rows = new Dictionary<CountedProvider, Totals>();
        Totals For(string? city, string? provider)
        {
            var who = ZhejiangProviders.Of(ZhejiangProviders.Province, city, provider);
            if (who is null) return Totals.Ignored;
            if (!rows.TryGetValue(who, out var totals)) rows[who] = totals = new Totals();
            return totals;
        }
        foreach (var g in datasets)
        {
            var t = For(g.City, g.Provider);
            (t.New, t.Open, t.Downloads) = (t.New + g.New, t.Open + g.Open, t.Downloads + g.Downloads);
        }
        foreach (var g in applications)
        {
            var t = For(g.City, g.Provider);
            (t.Submitted, t.Approved) = (t.Submitted + g.Submitted, t.Approved + g.Approved);
        }
        foreach (var g in showcased) For(g.City, g.Provider).Showcased += g.Entries;
        foreach (var city in ZhejiangProviders.Cities) For(city, null);

        var (departmentTarget, cityTarget) = (targets.Value.ProvincialDepartment, targets.Value.City);
        ProviderPerformance Row(KeyValuePair<CountedProvider, Totals> r) =>
            new(r.Key.Level, r.Key.Name, r.Value.New, r.Key.Level == ProviderLevel.City ? cityTarget : departmentTarget, r.Value.Open, r.Value.Downloads,
                r.Value.Submitted, r.Value.Approved, r.Value.Showcased);
        var departments = rows.Where(r => r.Key.Level == ProviderLevel.ProvincialDepartment).Select(Row)
            .OrderByDescending(r => r.NewInYear).ThenBy(r => r.Name, StringComparer.Ordinal).ToList();
        var cities = ZhejiangProviders.Cities.Select(c => Row(rows.First(r => r.Key == new CountedProvider(ProviderLevel.City, c)))).ToList();
        return new PerformanceReport(year, await YearsAsync(counted, thisYear, cancellationToken), departmentTarget, cityTarget, departments, cities);
    }

    /// <summary>The years to choose from: from the first publication to this year (two values read, not a row per dataset).</summary>
    private static async Task<IReadOnlyList<int>> YearsAsync(IQueryable<Dataset> counted, int thisYear, CancellationToken cancellationToken)
    {
        var first = await counted.Where(d => d.FirstPublished != null).OrderBy(d => d.FirstPublished).Select(d => d.FirstPublished).FirstOrDefaultAsync(cancellationToken);
        var last = await counted.Where(d => d.FirstPublished != null).OrderByDescending(d => d.FirstPublished).Select(d => d.FirstPublished).FirstOrDefaultAsync(cancellationToken);
        var from = Math.Max(2000, first is { } f ? ContestTime.ToChina(f).Year : thisYear);
        var to = Math.Min(2100, Math.Max(thisYear, last is { } l ? ContestTime.ToChina(l).Year : thisYear));
        return Enumerable.Range(from, to - from + 1).Reverse().ToList();
    }

    private sealed class Totals
    {
        /// <summary>Where the figures of groups that count for nobody go (never shown).</summary>
        public static Totals Ignored => new();
        public int New { get; set; }
        public int Open { get; set; }
        public long Downloads { get; set; }
        public int Submitted { get; set; }
        public int Approved { get; set; }
        public int Showcased { get; set; }
    }
}
