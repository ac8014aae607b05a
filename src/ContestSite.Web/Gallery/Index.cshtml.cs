using System.Security.Claims;
using ContestSite.Core.Contests;
using ContestSite.Core.Judging;
using ContestSite.Data;
using ContestSite.Web.Hosting;
using ContestSite.Web.Security;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace ContestSite.Web.Gallery;

/// <summary>The public gallery: cards of published entries with filters by year, track, award and domain, words, and pages.</summary>
[RequirePermission(GalleryPermissions.ViewGallery)]
[OutputCache(PolicyName = PublicOutputCache.Policy, Tags = [GalleryCache.Tag])]
public sealed class GalleryIndexModel(GalleryReader reader, ContestDbContext db, UseCases.GalleryLikesOfVisitor likes) : PageModel
{
    public GalleryQuery Query { get; private set; } = GalleryQuery.From(new QueryCollection());
    public GalleryPage Result { get; private set; } = new(0, 1, GalleryQuery.DefaultPageSize, []);
    public IReadOnlyList<int> Years { get; private set; } = [];
    public IReadOnlyList<Track> Tracks { get; private set; } = [];
    public IReadOnlyList<string> Domains { get; private set; } = [];
    /// <summary>The entries of this page the signed-in visitor liked (signed-in pages are never cached).</summary>
    public IReadOnlySet<int> Liked { get; private set; } = new HashSet<int>();
    public static readonly AwardLevel[] Awards = Enum.GetValues<AwardLevel>();

    public int PageCount => Math.Max(1, (Result.Total + Result.PageSize - 1) / Result.PageSize);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Query = GalleryQuery.From(Request.Query) with { PageSize = GalleryQuery.DefaultPageSize };
        Result = await reader.SearchAsync(Query, cancellationToken);
        Liked = await likes.LikedAsync(User.FindFirstValue(ClaimTypes.NameIdentifier), Result.Items.Select(c => c.Id).ToList(), cancellationToken);
        Years = await reader.Published().Select(e => e.Year).Distinct().OrderByDescending(y => y).ToListAsync(cancellationToken);
        var trackIds = await reader.Published().Select(e => e.TrackId).Distinct().ToListAsync(cancellationToken);
        Tracks = await db.Tracks.AsNoTracking().Where(t => trackIds.Contains(t.Id)).OrderBy(t => t.ContestId).ThenBy(t => t.SortOrder).ToListAsync(cancellationToken);
        Domains = (await reader.Published().Where(e => e.Domain != null).Select(e => e.Domain!).Distinct().ToListAsync(cancellationToken)).Order().ToList();
    }

    public string PageUrl(int page) => QueryHelpers.AddQueryString("/gallery", new Dictionary<string, string?>
    {
        ["q"] = Query.Text, ["year"] = Query.Year?.ToString(), ["track"] = Query.TrackId?.ToString(),
        ["award"] = Query.Award?.ToString(), ["domain"] = Query.Domain, ["page"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture),
    }.Where(p => p.Value is not null).ToDictionary());

    public static string AwardLabel(AwardLevel level) => AwardLevelNames.Of(level);
}
