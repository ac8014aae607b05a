using ContestSite.Web.Accounts;
using ContestSite.Web.Admin;
using ContestSite.Web.Announcements;
using ContestSite.Web.Audit;
using ContestSite.Web.Bundles;
using ContestSite.Web.Catalog;
using ContestSite.Web.Certificates;
using ContestSite.Web.Contests;
using ContestSite.Web.DataRequests;
using ContestSite.Web.Email;
using ContestSite.Web.Files;
using ContestSite.Web.Gallery;
using ContestSite.Web.Health;
using ContestSite.Web.Home;
using ContestSite.Web.Judging;
using ContestSite.Web.Localization;
using ContestSite.Web.Seasons;
using ContestSite.Web.Setup;
using ContestSite.Web.Storage;
using ContestSite.Web.Submissions;
using ContestSite.Web.Teams;
using ContestSite.Web.Text;
using ContestSite.Web.Throttling;

namespace ContestSite.Web.Hosting;

/// <summary>What a feature may need while the host is built.</summary>
public sealed record SiteBuildContext(IConfiguration Configuration, IHostEnvironment Environment, SiteOptions Options, AppDataPaths Paths);

/// <summary>A feature folder: how it adds its services and, if it answers outside Razor Pages, maps its endpoints.</summary>
public sealed record SiteFeature(string Name, Action<IServiceCollection, SiteBuildContext> Add, Action<IEndpointRouteBuilder>? Map = null);

/// <summary>
/// Every feature of the site, each with its add and its map on one line, so that a feature cannot be added without
/// being mapped (or the reverse). Services are added, and endpoints mapped, in this order.
/// </summary>
public static class SiteFeatures
{
    public static readonly IReadOnlyList<SiteFeature> All =
    [
        // The catalogue first: it was registered before the others, and its hosted services start in this order.
        new("Catalog", (s, c) => s.AddCatalog(c.Paths), e => { e.MapCatalogApi(); e.MapCatalogDownloads(); }),
        // Shared folders that several features use; none starts a hosted service, so their place changes no order.
        new("Storage", (s, _) => s.AddFileStore()),
        new("Files", (s, c) => s.AddFileChecks(c.Configuration)),
        new("Text", (s, _) => s.AddText()),
        new("Seasons", (s, _) => s.AddSeasons()),
        new("Email", (s, c) => s.AddEmail(c.Options)),
        new("Audit", (s, _) => s.AddAudit()),
        new("Setup", (s, _) => s.AddSetup()),
        new("Localization", (_, _) => { }, e => e.MapCultureSwitch()),
        new("Accounts", (s, _) => s.AddAccounts()),
        new("Throttling", (s, _) => s.AddThrottling()),
        new("Admin", (s, _) => s.AddAdmin()),
        new("Contests", (s, _) => s.AddContests()),
        new("Teams", (s, _) => s.AddTeams()),
        new("Bundles", (s, _) => s.AddBundles(), e => e.MapBundles()),
        new("Submissions", (s, c) => s.AddSubmissions(c.Configuration), e => e.MapSubmissions()),
        new("Judging", (s, _) => s.AddJudging(), e => e.MapJudging()),
        new("Certificates", (s, _) => s.AddCertificates(), e => e.MapCertificates()),
        new("Announcements", (s, _) => s.AddAnnouncements(), e => e.MapAnnouncements()),
        new("Gallery", (s, c) => s.AddGallery(c.Paths), e => e.MapGallery()),
        new("DataRequests", (s, _) => s.AddDataRequests()),
        new("Home", (s, _) => s.AddHome()),
        new("Health", (s, _) => s.AddHealth(), e => e.MapHealth()),
    ];
}
