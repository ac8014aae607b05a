using ContestSite.Core.Catalog;
using ContestSite.Data;
using ContestSite.Web.Audit;
using ContestSite.Web.Catalog.Review;
using ContestSite.Web.Storage;
using Microsoft.Extensions.Options;

namespace ContestSite.Web.Catalog.UseCases;

/// <summary>
/// An organizer imports a portal's catalogue export from the admin (or the operator from the command line); the import
/// and what it did are recorded. New datasets arrive as drafts, or in review submitted by the importing organizer, as
/// <see cref="CatalogImportOptions.ArriveAs"/> says: publishing them takes a second organizer's review.
/// </summary>
public sealed class ImportCatalogFile(ContestDbContext db, CatalogImportService importer, IAuditLog audit, IOptions<CatalogImportOptions> options)
{
    /// <summary>The import and its audit entry commit together.</summary>
    /// <param name="publishAsOperator">
    /// The operator's <c>catalog import --publish</c> on the server: publishes the new datasets directly, recorded on each
    /// as published by the operator (not reviewed by an organizer), as the setup recipe does.
    /// </param>
    public Task<CatalogImportReport> ImportAsync(string fileName, Stream content, string? userId, bool publishAsOperator = false, CancellationToken cancellationToken = default) =>
        db.InTransactionAsync(async () =>
        {
            var arrival = publishAsOperator ? ImportArrival.PublishedByOperator("命令行导入")
                : options.Value.ArriveAs == ImportArrivalState.InReview ? new ImportArrival(DatasetStatus.InReview, userId) : ImportArrival.Draft;
            var report = await importer.ImportAsync(content, arrival, cancellationToken);
            await audit.AppendAsync(new AuditEvent("catalog.imported", $"file:{FileNames.Clean(fileName)}", report.Succeeded ? "ok" : "refused",
                report.Succeeded ? $"inserted {report.Inserted} as {report.ArrivedAs}, updated {report.Updated}, unchanged {report.Unchanged}, problems {report.Problems.Count}, kept {report.Kept.Count}, review restarted {report.ReviewRestarted}; import {report.ImportId}" : report.FatalError),
                cancellationToken);
            // Each new dataset's own trail says how it arrived: submitted (as a submit by hand would), or published by the operator.
            // The imported rows are saved: an empty change tracker keeps each of thousands of appends as cheap as the first.
            db.ChangeTracker.Clear();
            foreach (var id in report.ArrivedAs == DatasetStatus.Draft ? [] : report.InsertedIds)
            {
                await audit.AppendAsync(report.ArrivedAs == DatasetStatus.InReview
                    ? new AuditEvent("catalog.dataset-submitted", $"dataset:{id}", "ok", $"import {report.ImportId}") { DatasetId = id }
                    : new AuditEvent("catalog.dataset-reviewed", $"dataset:{id}", "published-by-operator", $"命令行导入 {FileNames.Clean(fileName)}，直接发布，未经组织者审核; 批次 {report.ImportId}") { DatasetId = id },
                    cancellationToken);
                db.ChangeTracker.Clear();
            }
            // Each organizer decision the portal disagrees with is recorded on the dataset's own trail.
            foreach (var kept in report.Kept)
                await audit.AppendAsync(new AuditEvent("catalog.import-kept-decision", $"dataset:{kept.DatasetId}", "kept",
                    $"{kept.Field}: 门户 {kept.PortalValue}，本站 {kept.SiteValue}") { DatasetId = kept.DatasetId }, cancellationToken);
            return report;
        }, cancellationToken);
}
