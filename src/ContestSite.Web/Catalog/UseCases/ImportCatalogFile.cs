using ContestSite.Web.Audit;
using ContestSite.Web.Storage;

namespace ContestSite.Web.Catalog.UseCases;

/// <summary>An organizer imports a portal's catalogue export from the admin; the import and what it did are recorded.</summary>
public sealed class ImportCatalogFile(CatalogImportService importer, IAuditLog audit)
{
    public async Task<CatalogImportReport> ImportAsync(string fileName, Stream content, CancellationToken cancellationToken = default)
    {
        var report = await importer.ImportAsync(content, cancellationToken);
        await audit.AppendAsync(new AuditEvent("catalog.imported", $"file:{FileNames.Clean(fileName)}", report.Succeeded ? "ok" : "refused",
            report.Succeeded ? $"inserted {report.Inserted}, updated {report.Updated}, unchanged {report.Unchanged}, problems {report.Problems.Count}" : report.FatalError),
            CancellationToken.None);
        return report;
    }
}
