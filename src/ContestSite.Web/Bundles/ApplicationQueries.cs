using ContestSite.Core.Bundles;
using ContestSite.Data;
using Microsoft.EntityFrameworkCore;

namespace ContestSite.Web.Bundles;

/// <summary>An application as pages show it: with the dataset's title and the team's name.</summary>
public sealed class ApplicationRow
{
    public required AccessApplication Application { get; init; }
    public required string DatasetTitle { get; init; }
    public required string TeamName { get; init; }
}

public static class ApplicationQueries
{
    public static IQueryable<ApplicationRow> Rows(this ContestDbContext db, IQueryable<AccessApplication> applications) =>
        applications.Join(db.Datasets, a => a.DatasetId, d => d.Id, (a, d) => new { a, d.Title })
            .Join(db.Teams, x => x.a.TeamId, t => t.Id, (x, t) => new ApplicationRow { Application = x.a, DatasetTitle = x.Title, TeamName = t.Name });

    // Member-initialised (not constructed) so that queries can still order and page by the application's columns.

    public static Task<ApplicationRow?> ApplicationRowAsync(this ContestDbContext db, int id) =>
        db.Rows(db.AccessApplications.AsNoTracking().Include(a => a.Opinions).Where(a => a.Id == id)).FirstOrDefaultAsync();
}
