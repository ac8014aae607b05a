using ContestSite.Web.Exports;

namespace ContestSite.Web.Audit.UseCases;

/// <summary>An organizer exports the filtered audit log; the export is recorded (with its filter) before the first row goes out.</summary>
public sealed class ExportAuditLog(AuditExport export, IAuditLog audit)
{
    public async Task<ExportTable> ExportAsync(AuditFilter filter, ExportFormat format)
    {
        await audit.AppendAsync(new AuditEvent("audit.export", null, format == ExportFormat.Csv ? "csv" : "xlsx", filter.ToQuery()));
        return export.Table(filter);
    }
}
