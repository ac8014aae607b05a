using System.IO.Compression;
using System.Text;
using System.Text.Json;
using ContestSite.Core.Bundles;
using ContestSite.Core.Catalog;
using ContestSite.Core.Teams;
using ContestSite.Data;
using ContestSite.Web.Audit;
using ContestSite.Web.Localization;
using ContestSite.Web.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ContestSite.Web.Bundles.Serving;

/// <summary>What a bundle download needs to know before the first byte goes out.</summary>
public sealed record BundleRequest(Requester Who, Bundle Bundle, string ContestName, string TrackName, string? Email);

/// <summary>
/// Streams a track's bundle as a zip straight into the response (ZipArchive in Create mode, no seeking, no
/// temporary copy of the bundle): each dataset the team may use, each file masked as it is written and
/// hashed on the way, then manifest.json last, with those hashes. Datasets the team may not use are left
/// out, named in the manifest with the reason, and the refusal is audited.
/// </summary>
public sealed class BundleIssuer(ContestDbContext db, DataAccess access, MaskingPlans plans, ResourceWriter writer, IAuditLog audit,
    StoredFileAlarm alarm, TimeProvider clock, IStringLocalizerFactory localizers)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private readonly IStringLocalizer text = localizers.Create(typeof(BundleIssuer));

    /// <returns>The bytes written and the manifest.</returns>
    public async Task<(long Bytes, BundleManifest Manifest)> WriteAsync(BundleRequest request, Stream body, CancellationToken cancellationToken)
    {
        var team = request.Who.Team!;
        var ids = request.Bundle.Datasets.Select(d => d.DatasetId).ToList();
        var datasets = await db.Datasets.AsNoTracking().Include(d => d.Fields).Include(d => d.Resources).AsSplitQuery()
            .Where(d => ids.Contains(d.Id) && d.Status == DatasetStatus.Published).OrderBy(d => d.Title).ToListAsync(cancellationToken);
        var applications = await access.ApplicationsAsync(team.Id, null, cancellationToken);
        var stops = await access.StopsAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var counter = new HashingWriteStream(_ => Task.FromResult(body), ownsTarget: false);
        var items = new List<ManifestDataset>();
        var paths = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        await using (var zip = await ZipArchive.CreateAsync(counter, ZipArchiveMode.Create, leaveOpen: true, Encoding.UTF8, cancellationToken))
        {
            foreach (var dataset in datasets)
            {
                items.Add(await WriteDatasetAsync(zip, dataset, request.Who, applications, stops, now, paths, cancellationToken));
            }
            var manifest = new BundleManifest(Guid.NewGuid(), now, new ManifestTeam(team.Id, team.Name), request.Who.UserId!, request.Email,
                request.ContestName, request.TrackName, request.Bundle.Terms, items);
            var entry = zip.CreateEntry("manifest.json", CompressionLevel.Optimal);
            await using (var stream = await entry.OpenAsync(cancellationToken))
            {
                await JsonSerializer.SerializeAsync(stream, manifest, Json, cancellationToken);
            }
            await zip.DisposeAsync();
            return (counter.BytesWritten, manifest);
        }
    }

    private async Task<ManifestDataset> WriteDatasetAsync(ZipArchive zip, Dataset dataset, Requester who, List<AccessApplication> applications,
        DataStops stops, DateTimeOffset now, HashSet<string> paths, CancellationToken cancellationToken)
    {
        var decision = DataAccessPolicy.CanDownload(dataset.OpenType, dataset.Id, who.Downloader, DownloadRoute.Bundle, applications, now, stops);
        var approval = applications.Where(a => a.Grants(who.Team!.Id, dataset.Id, now)).Select(a => new ManifestApproval(a.Id, a.DecidedAt, a.ExpiresAt)).FirstOrDefault();
        ManifestDataset Item(IReadOnlyList<ManifestFile> files, string? notIncluded) => new(dataset.Id, dataset.Title, dataset.Provider, dataset.Region,
            dataset.OpenType.ToString(), dataset.SensitivityLevel, dataset.LastUpdated, approval, files, notIncluded);
        if (!decision.Allowed)
        {
            var reason = text.Localize(decision);
            await audit.AppendAsync(new AuditEvent("data.download", $"dataset:{dataset.Id}", "refused", $"bundle: {reason}") { TeamId = who.Team!.Id, DatasetId = dataset.Id }, cancellationToken);
            return Item([], reason);
        }
        var masking = await plans.ForAsync(dataset.Id, dataset.Fields, cancellationToken);
        if (!masking.CanServe)
        {
            var reason = "脱敏规则无效，数据未提供：" + string.Join("；", masking.Errors);
            await audit.AppendAsync(new AuditEvent("data.download", $"dataset:{dataset.Id}", "refused", reason) { TeamId = who.Team!.Id, DatasetId = dataset.Id }, cancellationToken);
            return Item([], reason);
        }
        var files = new List<ManifestFile>();
        foreach (var resource in dataset.Resources.OrderBy(r => r.Id))
        {
            // A stop started while this zip streams holds from the next file on (one indexed read per file); what is
            // already sent cannot be called back.
            if (await access.IsStoppedAsync(dataset.Id, dataset.OpenType, cancellationToken))
            {
                var stopped = text[DataAccessPolicy.StoppedMessage].Value;
                await audit.AppendAsync(new AuditEvent("data.download", $"dataset:{dataset.Id}", "stopped",
                    $"bundle: stopped after {files.Count} file(s)") { TeamId = who.Team!.Id, DatasetId = dataset.Id }, cancellationToken);
                return Item(files, stopped);
            }
            files.Add(await WriteFileAsync(zip, EntryPath(dataset, resource, paths), resource, masking.Plan, cancellationToken));
        }
        await audit.AppendAsync(new AuditEvent("data.download", $"dataset:{dataset.Id}", "ok",
            $"bundle: {files.Count(f => f.NotIncluded is null)} file(s)") { TeamId = who.Team!.Id, DatasetId = dataset.Id }, cancellationToken);
        return Item(files, null);
    }

    private async Task<ManifestFile> WriteFileAsync(ZipArchive zip, string path, DatasetResource resource, Core.Bundles.Masking.MaskingPlan? plan, CancellationToken cancellationToken)
    {
        var entryOpened = false;
        await using var sink = new HashingWriteStream(async ct =>
        {
            entryOpened = true;
            return await zip.CreateEntry(path, CompressionLevel.Fastest).OpenAsync(ct);
        }, ownsTarget: true);
        var served = await writer.WriteAsync(resource, plan, sink, cancellationToken);
        var columns = served.Report?.Columns.Select(c => new ManifestColumn(c.Sheet, c.ColumnName, c.Rule, c.Served, c.Reason)).ToList() ?? [];
        var maskingName = plan is null ? "none" : "masked";
        if (!served.Served)
        {
            if (served.Tampered) await alarm.RaiseAsync(resource.StorageKey, $"dataset file {resource.Id} (bundle)", CancellationToken.None);
            // A failure after bytes went out cannot be taken back from a stream: say so plainly in the manifest.
            var note = entryOpened ? $"{served.Problem}（该文件在 zip 中不完整，请删除）" : served.Problem;
            return new ManifestFile(path, null, null, maskingName, columns, served.Report?.RowsIn, served.Report?.RowsOut, served.Report?.RowsSkipped, note);
        }
        return new ManifestFile(path, sink.Sha256(), sink.BytesWritten, maskingName, columns, served.Report?.RowsIn, served.Report?.RowsOut, served.Report?.RowsSkipped, null);
    }

    private static string EntryPath(Dataset dataset, DatasetResource resource, HashSet<string> taken)
    {
        var folder = FileNames.Clean(dataset.Title, 80);
        var name = FileNames.Clean(resource.FileName, 120);
        var path = $"{folder}/{name}";
        for (var i = 2; !taken.Add(path); i++) path = $"{folder}/{Path.GetFileNameWithoutExtension(name)}-{i}{Path.GetExtension(name)}";
        return path;
    }
}
