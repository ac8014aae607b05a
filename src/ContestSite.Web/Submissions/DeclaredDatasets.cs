using ContestSite.Core.Bundles;
using ContestSite.Core.Catalog;
using ContestSite.Core.Rules;
using ContestSite.Core.Teams;
using ContestSite.Data;
using Microsoft.EntityFrameworkCore;

namespace ContestSite.Web.Submissions;

/// <summary>
/// The datasets an entry says it uses (<see cref="DeclaredDataRules"/>): the form offers the team's track bundle,
/// its approved restricted datasets and what the entry declared before; any other open dataset is added by the link
/// of its catalogue page, so the form stays small however large the catalogue is.
/// </summary>
public sealed class DeclaredDatasets(ContestDbContext db, TimeProvider clock)
{
    public const int MaxLinks = 20;

    public sealed record Offered(Guid Id, string Title, OpenType OpenType);

    public async Task<List<Offered>> OfferedAsync(Team team, IReadOnlyCollection<Guid> declared, CancellationToken cancellationToken = default)
    {
        var approvals = await ApprovalsAsync(team.Id, cancellationToken);
        var approved = approvals.Select(a => a.DatasetId).ToList();
        var bundled = db.Bundles.Where(b => b.TrackId == team.TrackId).SelectMany(b => b.Datasets.Select(d => d.DatasetId));
        var candidates = await db.Datasets.AsNoTracking()
            .Where(d => d.Status == DatasetStatus.Published && d.OpenType != OpenType.Prohibited
                && (bundled.Contains(d.Id) || approved.Contains(d.Id) || declared.Contains(d.Id)))
            .OrderBy(d => d.Title).Select(d => new Offered(d.Id, d.Title, d.OpenType)).ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        return candidates.Where(d => declared.Contains(d.Id) || DeclaredDataRules.MayOffer(d.OpenType, d.Id, team.Id, approvals, now)).ToList();
    }

    /// <summary>Checks the declared datasets; on success returns the restricted ones declared for the first time, to audit.</summary>
    public async Task<(RuleResult Result, List<Guid> NewlyRestricted)> CheckAsync(int teamId, IReadOnlyList<Guid> datasetIds, IReadOnlyCollection<Guid> alreadyDeclared,
        CancellationToken cancellationToken = default)
    {
        var found = await db.Datasets.AsNoTracking().Where(d => datasetIds.Contains(d.Id))
            .Select(d => new DeclaredDataset(d.Id, d.Title, d.OpenType, d.Status)).ToListAsync(cancellationToken);
        if (found.Count != datasetIds.Count) return (RuleResult.Refuse("所选数据集不在数据目录中"), []);
        var approvals = await ApprovalsAsync(teamId, cancellationToken);
        var result = DeclaredDataRules.Check(found, alreadyDeclared, teamId, approvals, clock.GetUtcNow());
        if (!result.Allowed) return (result, []);
        return (result, found.Where(d => d.OpenType == OpenType.Restricted && !alreadyDeclared.Contains(d.Id)).Select(d => d.Id).ToList());
    }

    private Task<List<AccessApplication>> ApprovalsAsync(int teamId, CancellationToken cancellationToken) =>
        db.AccessApplications.AsNoTracking().Where(a => a.TeamId == teamId && a.Status == ApplicationStatus.Approved).ToListAsync(cancellationToken);

    /// <summary>
    /// The datasets named by links to their catalogue pages (or bare ids), one per line or separated by spaces;
    /// null with the offending piece when one is not a dataset link.
    /// </summary>
    public static (List<Guid> Ids, string? NotALink) ParseLinks(string? text)
    {
        var ids = new List<Guid>();
        if (string.IsNullOrWhiteSpace(text)) return (ids, null);
        foreach (var piece in text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!DatasetLinks.TryParse(piece, out var id)) return (ids, piece);
            ids.Add(id);
        }
        return (ids, null);
    }
}
