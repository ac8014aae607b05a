using ContestSite.Core.Announcements;
using ContestSite.Core.Contests;
using ContestSite.Data;
using ContestSite.Web.Hosting;
using ContestSite.Web.Seasons;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace ContestSite.Web.Home;

/// <summary>The contest at a glance: stage and countdown, rounds, tracks, announcements, showcased entries, search, what to do next.</summary>
[OutputCache(PolicyName = PublicOutputCache.Policy, Tags = [PublicCacheTags.Announcements, PublicCacheTags.Home])]
public sealed class HomeModel(CurrentContest current, ContestDbContext db, TimeProvider clock,
    IEnumerable<ICallToActionProvider> actions, IEnumerable<IFeaturedEntrySource> featured) : PageModel
{
    private const int PinnedCount = 3;
    private const int LatestCount = 5;
    private const int FeaturedCount = 6;

    public Contest? Contest { get; private set; }
    public DateTimeOffset Now { get; private set; }
    public (string Key, string? RoundName)? Stage { get; private set; }
    public Milestone? NextMilestone { get; private set; }
    public IReadOnlyList<Announcement> Pinned { get; private set; } = [];
    public IReadOnlyList<Announcement> Latest { get; private set; } = [];
    public IReadOnlyList<FeaturedEntry> Featured { get; private set; } = [];
    public IReadOnlyList<CallToAction> Actions { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Now = clock.GetUtcNow();
        Contest = await current.FindAsync(cancellationToken);
        if (Contest is not null)
        {
            Stage = ContestTimeline.StageAt(Contest, Now);
            NextMilestone = ContestTimeline.Next(Contest, Now);
        }
        var visible = db.Announcements.AsNoTracking().VisibleAt(Now);
        Pinned = await visible.Where(a => a.Pinned).OrderByDescending(a => a.PublishAt).Take(PinnedCount).ToListAsync(cancellationToken);
        Latest = await visible.Where(a => !a.Pinned).OrderByDescending(a => a.PublishAt).ThenByDescending(a => a.Id).Take(LatestCount).ToListAsync(cancellationToken);
        foreach (var source in featured) Featured = [.. Featured, .. await source.FeaturedAsync(FeaturedCount, cancellationToken)];
        var all = new List<CallToAction>();
        foreach (var provider in actions) all.AddRange(await provider.ForAsync(User, Contest?.Id, cancellationToken));
        Actions = all.OrderBy(a => a.Order).ToList();
    }

    public (int Days, int Hours, int Minutes) RemainingUntil(DateTimeOffset at) => ContestTimeline.Remaining(at, Now);
}
