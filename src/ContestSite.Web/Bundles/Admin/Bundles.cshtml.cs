using ContestSite.Data;
using ContestSite.Web.Seasons;
using ContestSite.Web.Security;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ContestSite.Web.Bundles.Admin;

/// <summary>The tracks of the current contest and how many datasets each one's bundle holds.</summary>
[RequirePermission(BundlePermissions.ManageBundles)]
public sealed class BundlesModel(ContestDbContext db, CurrentContest current) : PageModel
{
    public sealed record Row(int TrackId, string Track, int Datasets, DateTimeOffset? UpdatedAt);

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var contest = await current.FindAsync();
        if (contest is null) return;
        var trackIds = contest.Tracks.Select(t => t.Id).ToList();
        var bundles = await db.Bundles.AsNoTracking().Where(b => trackIds.Contains(b.TrackId))
            .Select(b => new { b.TrackId, Count = b.Datasets.Count, b.UpdatedAt }).ToListAsync();
        Rows = contest.Tracks.Select(t =>
        {
            var bundle = bundles.FirstOrDefault(b => b.TrackId == t.Id);
            return new Row(t.Id, t.Name, bundle?.Count ?? 0, bundle?.UpdatedAt);
        }).ToList();
    }
}
