using ContestSite.Core.Bundles;
using ContestSite.Core.Catalog;
using ContestSite.Core.Contests;
using ContestSite.Core.Teams;
using ContestSite.Data;
using ContestSite.Web.Localization;
using ContestSite.Web.Seasons;
using ContestSite.Web.Security;
using ContestSite.Web.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ContestSite.Web.Bundles;

/// <summary>A team's data: its track's bundle with what each dataset needs, the download, and the team's applications.</summary>
[RequirePermission(BundlePermissions.UseBundles)]
public sealed class BundleIndexModel(ContestDbContext db, DataAccess access, CurrentContest current, Agreements agreements, MarkdownRenderer markdown,
    TimeProvider clock, IStringLocalizerFactory localizers)
    : ContestPageModel(localizers)
{
    public sealed record Item(Guid Id, string Title, string? Provider, OpenType OpenType, int Files, string Access, bool CanApply);

    public Requester Who { get; private set; } = null!;
    public Track? Track { get; private set; }
    public Bundle? Bundle { get; private set; }
    public IReadOnlyList<Item> Items { get; private set; } = [];
    public IReadOnlyList<ApplicationRow> Applications { get; private set; } = [];
    /// <summary>The emergency stops now in force, so the page can say that access is suspended.</summary>
    public DataStops Stops { get; private set; } = DataStops.None;
    /// <summary>The track's bundle terms in force, and whether (and when, by whom) the team accepted them.</summary>
    public AgreementVersion? Terms { get; private set; }
    public string TermsHtml { get; private set; } = "";
    public AgreementAcceptance? Accepted { get; private set; }
    public string? AcceptedBy { get; private set; }
    public bool IsCaptain { get; private set; }
    public bool MayDownload => Terms is null || Accepted is not null;

    public bool AnySuspended => Items.Any(i => Stops.Covers(i.Id, i.OpenType)) || Applications.Any(a => a.Application.Status == ApplicationStatus.Suspended);

    public async Task<IActionResult> OnPostAcceptTermsAsync(int? versionId, bool confirmed, [FromServices] UseCases.AcceptBundleTerms accept)
    {
        var result = await accept.RunAsync(await access.WhoAsync(User), versionId, confirmed, HttpContext.RequestAborted);
        if (!result.Allowed)
        {
            await OnGetAsync();
            ShowRefusal(result);
            return Page();
        }
        Announce("已代表团队接受数据包使用条款，现在可以下载数据包。");
        return Redirect("/bundles");
    }

    public async Task OnGetAsync()
    {
        Contest = await current.FindAsync();
        Who = await access.WhoAsync(User);
        if (Who.Team is not { } team) return;
        Track = Contest?.Tracks.FirstOrDefault(t => t.Id == team.TrackId);
        Bundle = await db.Bundles.AsNoTracking().Include(b => b.Datasets).FirstOrDefaultAsync(b => b.TrackId == team.TrackId);
        var applications = await access.ApplicationsAsync(team.Id);
        Applications = await db.Rows(db.AccessApplications.AsNoTracking().Where(a => a.TeamId == team.Id))
            .OrderByDescending(r => r.Application.SubmittedAt).Take(100).ToListAsync();
        Stops = await access.StopsAsync();
        IsCaptain = await access.IsCaptainAsync(team.Id, UserId);
        Terms = await agreements.CurrentAsync(AgreementKind.BundleTerms, team.TrackId);
        if (Terms is { } terms)
        {
            TermsHtml = markdown.ToSafeHtml(terms.Markdown);
            Accepted = await db.AgreementAcceptances.AsNoTracking().FirstOrDefaultAsync(a => a.AgreementVersionId == terms.Id && a.TeamId == team.Id);
            if (Accepted is { } accepted)
                AcceptedBy = await db.TeamMembers.Where(m => m.TeamId == team.Id && m.UserId == accepted.UserId).Select(m => m.RealName).FirstOrDefaultAsync();
        }
        if (Bundle is null) return;
        var ids = Bundle.Datasets.Select(d => d.DatasetId).ToList();
        var datasets = await db.Datasets.AsNoTracking().Where(d => ids.Contains(d.Id) && d.Status == DatasetStatus.Published)
            .OrderBy(d => d.Title).Select(d => new { d.Id, d.Title, d.Provider, d.OpenType, Files = d.Resources.Count }).ToListAsync();
        var now = clock.GetUtcNow();
        Items = datasets.Select(d =>
        {
            var decision = DataAccessPolicy.CanDownload(d.OpenType, d.Id, Who.Downloader, DownloadRoute.Bundle, applications, now, Stops);
            var canApply = AccessApplicationRules.CanApply(team.Status, d.OpenType, applications.Where(a => a.DatasetId == d.Id), "-", "-", true, now).Allowed;
            return new Item(d.Id, d.Title, d.Provider, d.OpenType, d.Files, decision.Allowed ? Text["包含在数据包中"].Value : Text.Localize(decision), canApply);
        }).ToList();
    }
}
