using ContestSite.Data;
using Microsoft.EntityFrameworkCore;

namespace ContestSite.Web.Judging.Objections;

/// <summary>The current titles of some entries, for lists that name them.</summary>
internal static class EntryTitles
{
    public static async Task<Dictionary<int, string>> ForAsync(ContestDbContext db, IEnumerable<int> submissionIds)
    {
        var ids = submissionIds.Distinct().ToList();
        return await db.Submissions.AsNoTracking().Where(s => ids.Contains(s.Id))
            .Select(s => new { s.Id, Title = s.Versions.Where(v => v.Number == s.CurrentVersionNumber).Select(v => v.Title).FirstOrDefault() })
            .ToDictionaryAsync(s => s.Id, s => s.Title ?? "");
    }
}
