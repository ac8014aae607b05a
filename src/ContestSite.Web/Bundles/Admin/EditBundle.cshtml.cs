using ContestSite.Core.Bundles;
using ContestSite.Core.Catalog;
using ContestSite.Core.Contests;
using ContestSite.Core.Rules;
using ContestSite.Data;
using ContestSite.Web.Bundles.UseCases;
using ContestSite.Web.Seasons;
using ContestSite.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ContestSite.Web.Bundles.Admin;

/// <summary>One track's bundle: its terms, its datasets, and finding datasets to add.</summary>
[RequirePermission(BundlePermissions.ManageBundles)]
public sealed class EditBundleModel(ContestDbContext db, CurrentContest current, EditBundle edit, IStringLocalizerFactory localizers) : ContestPageModel(localizers)
{
    public sealed record DatasetRow(Guid Id, string Title, string? Provider, OpenType OpenType, int Fields, int SensitiveFields);

    public Track Track { get; private set; } = null!;
    public string Terms { get; private set; } = "";
    public IReadOnlyList<DatasetRow> Datasets { get; private set; } = [];
    public IReadOnlyList<DatasetRow> Found { get; private set; } = [];
    [FromQuery(Name = "q")] public string? Query { get; set; }

    public async Task<IActionResult> OnGetAsync(int trackId) => await LoadAsync(trackId) ? Page() : NotFound();

    public Task<IActionResult> OnPostTermsAsync(int trackId, string? terms, string? note) =>
        ActAsync(trackId, () => edit.SetTermsAsync(trackId, terms, note, UserId),
            "已发布新版使用条款，各团队下次下载数据包前须由队长接受。");

    public Task<IActionResult> OnPostAddAsync(int trackId, Guid datasetId) => ActAsync(trackId, () => edit.AddAsync(trackId, datasetId), "数据集已加入数据包。");

    public Task<IActionResult> OnPostRemoveAsync(int trackId, Guid datasetId) => ActAsync(trackId, () => edit.RemoveAsync(trackId, datasetId), "数据集已移出数据包。");

    private async Task<IActionResult> ActAsync(int trackId, Func<Task<RuleResult>> action, string done)
    {
        if (!await LoadAsync(trackId)) return NotFound();
        var result = await action();
        if (result.Allowed)
        {
            Announce(done);
            return Redirect($"/admin/bundles/{trackId}");
        }
        ShowRefusal(result);
        db.ChangeTracker.Clear();
        await LoadAsync(trackId);
        return Page();
    }

    private async Task<bool> LoadAsync(int trackId)
    {
        Contest = await current.FindAsync();
        var track = Contest?.Tracks.FirstOrDefault(t => t.Id == trackId);
        if (track is null) return false;
        Track = track;
        var bundle = await db.Bundles.AsNoTracking().Include(b => b.Datasets).FirstOrDefaultAsync(b => b.TrackId == trackId);
        Terms = bundle?.Terms ?? "";
        var ids = bundle?.Datasets.Select(d => d.DatasetId).ToList() ?? [];
        Datasets = await Rows(db.Datasets.Where(d => ids.Contains(d.Id))).ToListAsync();
        if (!string.IsNullOrWhiteSpace(Query))
        {
            var q = Query.Trim();
            Found = await Rows(db.Datasets.Where(d => d.Status == DatasetStatus.Published && d.Title.Contains(q) && !ids.Contains(d.Id))).Take(20).ToListAsync();
        }
        return true;
    }

    private static IQueryable<DatasetRow> Rows(IQueryable<Dataset> datasets) => datasets.AsNoTracking().OrderBy(d => d.Title)
        .Select(d => new DatasetRow(d.Id, d.Title, d.Provider, d.OpenType, d.Fields.Count, d.Fields.Count(f => f.IsSensitive)));
}
