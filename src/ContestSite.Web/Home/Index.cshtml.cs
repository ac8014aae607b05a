using ContestSite.Core.Announcements;
using ContestSite.Core.Contests;
using ContestSite.Data;
using ContestSite.Web.Contests;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ContestSite.Web.Home;

public sealed class HomeModel(CurrentContest current, ContestDbContext db, TimeProvider clock) : PageModel
{
    public Contest? Contest { get; private set; }
    public IReadOnlyList<Announcement> Announcements { get; private set; } = [];

    public async Task OnGetAsync()
    {
        Contest = await current.FindAsync();
        var now = clock.GetUtcNow();
        Announcements = await db.Announcements.AsNoTracking().VisibleAt(now).NewestPinnedFirst().Take(5).ToListAsync();
    }
}
