using ContestSite.Core.Audit;
using ContestSite.Data;
using Microsoft.EntityFrameworkCore;

namespace ContestSite.Web.Audit;

/// <summary>
/// Team names and dataset titles for the ids that entries carry, fetched once per id as pages or export
/// batches come by; a team or dataset no longer (or never) there simply has no name.
/// </summary>
public sealed class AuditNames(ContestDbContext db)
{
    private readonly Dictionary<int, string> teams = [];
    private readonly Dictionary<Guid, string> datasets = [];
    private readonly HashSet<int> knownTeams = [];
    private readonly HashSet<Guid> knownDatasets = [];

    public string? Team(int? id) => id is { } key ? teams.GetValueOrDefault(key) : null;
    public string? Dataset(Guid? id) => id is { } key ? datasets.GetValueOrDefault(key) : null;

    public async Task LoadAsync(IEnumerable<AuditEntry> entries, CancellationToken cancellationToken = default)
    {
        var (teamIds, datasetIds) = Missing(entries);
        if (teamIds.Count > 0)
            foreach (var team in await db.Teams.AsNoTracking().Where(t => teamIds.Contains(t.Id)).Select(t => new { t.Id, t.Name }).ToListAsync(cancellationToken))
                teams[team.Id] = team.Name;
        if (datasetIds.Count > 0)
            foreach (var dataset in await db.Datasets.AsNoTracking().Where(d => datasetIds.Contains(d.Id)).Select(d => new { d.Id, d.Title }).ToListAsync(cancellationToken))
                datasets[dataset.Id] = dataset.Title;
    }

    private (List<int> Teams, List<Guid> Datasets) Missing(IEnumerable<AuditEntry> entries)
    {
        var teamIds = new List<int>();
        var datasetIds = new List<Guid>();
        foreach (var entry in entries)
        {
            if (entry.TeamId is { } team && knownTeams.Add(team)) teamIds.Add(team);
            if (entry.DatasetId is { } dataset && knownDatasets.Add(dataset)) datasetIds.Add(dataset);
        }
        return (teamIds, datasetIds);
    }
}
