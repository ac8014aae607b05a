using ContestSite.Core.Bundles;
using ContestSite.Core.Teams;
using ContestSite.Data;
using ContestSite.Web.Audit;
using ContestSite.Web.Seasons;
using ContestSite.Web.Security;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;

namespace ContestSite.Web.Bundles.Serving;

/// <summary>
/// GET /bundles/download: the signed-in member's own team's bundle. The URL names no team and carries no
/// token: who gets what is decided on every request from the signed-in account, so a copied URL gives
/// another person their own team's bundle or nothing.
/// </summary>
public static class BundleDownloadEndpoint
{
    public static IEndpointRouteBuilder MapBundleDownload(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/bundles/download", DownloadAsync)
            .RequirePermission(BundlePermissions.UseBundles)
            .WithName("DownloadBundle")
            .ExcludeFromDescription();
        return endpoints;
    }

    private static async Task<IResult> DownloadAsync(HttpContext http, DataAccess access, ContestDbContext db, CurrentContest current,
        BundleIssuer issuer, RiskMonitor risk, Agreements agreements, IAuditLog audit, TimeProvider clock, CancellationToken cancellationToken)
    {
        var who = await access.WhoAsync(http.User, cancellationToken);
        var team = who.Team;
        if (team is null || team.Status != TeamStatus.Approved)
        {
            await audit.AppendAsync(new AuditEvent("bundle.issue", "bundle", "refused", team is null ? "no team" : $"team status {team.Status}") { TeamId = team?.Id }, cancellationToken);
            return Results.Redirect("/bundles");
        }
        var bundle = await db.Bundles.AsNoTracking().Include(b => b.Datasets).FirstOrDefaultAsync(b => b.TrackId == team.TrackId, cancellationToken);
        if (bundle is null || bundle.Datasets.Count == 0)
        {
            await audit.AppendAsync(new AuditEvent("bundle.issue", $"track:{team.TrackId}", "refused", "no bundle") { TeamId = team.Id }, cancellationToken);
            return Results.Redirect("/bundles");
        }
        // The team's first download of each version of the terms waits for the captain's acceptance of it.
        if (await agreements.CurrentAsync(AgreementKind.BundleTerms, team.TrackId, cancellationToken) is { } terms
            && !await db.AgreementAcceptances.AnyAsync(a => a.AgreementVersionId == terms.Id && a.TeamId == team.Id, cancellationToken))
        {
            await audit.AppendAsync(new AuditEvent("bundle.issue", $"bundle:{bundle.Id}", "refused", $"terms version {terms.Number} not accepted") { TeamId = team.Id }, cancellationToken);
            return Results.Redirect("/bundles");
        }
        var contest = await current.FindAsync(cancellationToken);
        var track = contest!.Tracks.First(t => t.Id == team.TrackId);
        var email = http.User.FindFirst(System.Security.Claims.ClaimTypes.Email)?.Value;

        http.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
        http.Response.ContentType = "application/zip";
        http.Response.Headers[HeaderNames.CacheControl] = "private, no-store";
        var fileName = $"bundle-{track.Id}-team-{team.Id}-{ContestTime.ToChina(clock.GetUtcNow()):yyyyMMdd-HHmm}.zip";
        http.Response.Headers[HeaderNames.ContentDisposition] = new ContentDispositionHeaderValue("attachment") { FileNameStar = fileName, FileName = fileName }.ToString();
        var (bytes, manifest) = await issuer.WriteAsync(new BundleRequest(who, bundle, contest.Name, track.Name, email), http.Response.Body, cancellationToken);

        await db.InTransactionAsync(async () =>
        {
            await audit.AppendAsync(new AuditEvent("bundle.issue", $"bundle:{bundle.Id}", "ok",
                $"issue {manifest.IssueId}; {manifest.Datasets.Count(d => d.NotIncluded is null)} dataset(s) included, {manifest.Datasets.Count(d => d.NotIncluded is not null)} left out; {bytes} bytes")
                { TeamId = team.Id }, CancellationToken.None);
            await risk.RecordAsync(who.UserId!, team.Id, null, bytes, null, manifest.RestrictedFilesSent(), CancellationToken.None);
        }, CancellationToken.None);
        return Results.Empty;
    }
}
