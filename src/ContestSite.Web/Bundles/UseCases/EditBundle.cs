using ContestSite.Core.Bundles;
using ContestSite.Core.Rules;
using ContestSite.Data;
using ContestSite.Web.Audit;
using Microsoft.EntityFrameworkCore;

namespace ContestSite.Web.Bundles.UseCases;

/// <summary>An organizer sets a track's terms and adds or removes datasets; prohibited datasets are refused.</summary>
public sealed class EditBundle(ContestDbContext db, PublishAgreement publish, IAuditLog audit, TimeProvider clock)
{
    /// <summary>
    /// New terms are a new published version of the track's bundle terms (kept with every earlier one); teams accept
    /// the version in force before their next bundle download. The bundle keeps the text for its manifest.
    /// </summary>
    public async Task<RuleResult> SetTermsAsync(int trackId, string? terms, string? note, string userId)
    {
        terms = terms?.Trim() ?? "";
        if (terms.Length > BundleRules.MaxTermsLength) return RuleResult.Refuse("使用条款不能超过 {0} 个字符", BundleRules.MaxTermsLength);
        var bundle = await BundleOfAsync(trackId);
        bundle.Terms = terms;
        bundle.UpdatedAt = clock.GetUtcNow();
        var (published, _) = await publish.RunAsync(AgreementKind.BundleTerms, trackId, terms, note, userId);
        if (!published.Allowed) db.ChangeTracker.Clear();
        return published;
    }

    public async Task<RuleResult> AddAsync(int trackId, Guid datasetId)
    {
        var bundle = await BundleOfAsync(trackId);
        var dataset = await db.Datasets.AsNoTracking().FirstOrDefaultAsync(d => d.Id == datasetId);
        var allowed = BundleRules.CanAdd(dataset, bundle.Datasets.Select(d => d.DatasetId));
        if (!allowed.Allowed) return allowed;
        var now = clock.GetUtcNow();
        bundle.Datasets.Add(new BundleDataset { DatasetId = datasetId, AddedAt = now });
        bundle.UpdatedAt = now;
        await audit.AppendAsync(() => new AuditEvent("bundle.dataset.added", $"track:{trackId}", "ok", dataset!.Title) { DatasetId = datasetId });
        return RuleResult.Ok;
    }

    public async Task<RuleResult> RemoveAsync(int trackId, Guid datasetId)
    {
        var bundle = await BundleOfAsync(trackId);
        var item = bundle.Datasets.FirstOrDefault(d => d.DatasetId == datasetId);
        if (item is null) return RuleResult.Refuse("该数据集不在数据包中");
        bundle.Datasets.Remove(item);
        bundle.UpdatedAt = clock.GetUtcNow();
        await audit.AppendAsync(() => new AuditEvent("bundle.dataset.removed", $"track:{trackId}", "ok") { DatasetId = datasetId });
        return RuleResult.Ok;
    }

    private async Task<Bundle> BundleOfAsync(int trackId)
    {
        var bundle = await db.Bundles.Include(b => b.Datasets).FirstOrDefaultAsync(b => b.TrackId == trackId);
        if (bundle is not null) return bundle;
        bundle = new Bundle { TrackId = trackId, UpdatedAt = clock.GetUtcNow() };
        db.Bundles.Add(bundle);
        return bundle;
    }
}
