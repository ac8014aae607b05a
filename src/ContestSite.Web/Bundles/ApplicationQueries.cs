using ContestSite.Core.Bundles;
using ContestSite.Data;
using Microsoft.EntityFrameworkCore;

namespace ContestSite.Web.Bundles;

/// <summary>An application as pages show it: with the dataset's title and the team's name.</summary>
public sealed record ApplicationRow(AccessApplication Application, string DatasetTitle, string TeamName);

public static class ApplicationQueries
{
    public static IQueryable<ApplicationRow> Rows(this ContestDbContext db, IQueryable<AccessApplication> applications) =>
        applications.Join(db.Datasets, a => a.DatasetId, d => d.Id, (a, d) => new { a, d.Title })
            .Join(db.Teams, x => x.a.TeamId, t => t.Id, (x, t) => new ApplicationRow(x.a, x.Title, t.Name));

    public static Task<ApplicationRow?> ApplicationRowAsync(this ContestDbContext db, int id) =>
        db.Rows(db.AccessApplications.AsNoTracking().Include(a => a.Opinions).Where(a => a.Id == id)).FirstOrDefaultAsync();
}
