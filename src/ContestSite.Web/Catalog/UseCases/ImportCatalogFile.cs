using ContestSite.Data;
using ContestSite.Web.Audit;
using ContestSite.Web.Storage;

namespace ContestSite.Web.Catalog.UseCases;

/// <summary>An organizer imports a portal's catalogue export from the admin; the import and what it did are recorded.</summary>
public sealed class ImportCatalogFile(ContestDbContext db, CatalogImportService importer, IAuditLog audit)
{
    /// <summary>The import and its audit entry commit together.</summary>
    public Task<CatalogImportReport> ImportAsync(string fileName, Stream content, CancellationToken cancellationToken = default) =>
        db.InTransactionAsync(async () =>
        {
            var report = await importer.ImportAsync(content, cancellationToken);
            await audit.AppendAsync(new AuditEvent("catalog.imported", $"file:{FileNames.Clean(fileName)}", report.Succeeded ? "ok" : "refused",
                report.Succeeded ? $"inserted {report.Inserted}, updated {report.Updated}, unchanged {report.Unchanged}, problems {report.Problems.Count}, kept {report.Kept.Count}" : report.FatalError),
                cancellationToken);
            // Each organizer decision the portal disagrees with is recorded on the dataset's own trail.
            foreach (var kept in report.Kept)
                await audit.AppendAsync(new AuditEvent("catalog.import-kept-decision", $"dataset:{kept.DatasetId}", "kept",
                    $"{kept.Field}: 门户 {kept.PortalValue}，本站 {kept.SiteValue}") { DatasetId = kept.DatasetId }, cancellationToken);
            return report;
        }, cancellationToken);
}
