using System.Globalization;
using System.Text;
using ContestSite.Core.Audit;
using ContestSite.Core.Text;
using ContestSite.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MiniExcel = MiniExcelLibs.MiniExcel;

namespace ContestSite.Web.Audit;

/// <summary>
/// Writes the filtered audit log, oldest first, in keyset batches: a batch is read, its names looked up,
/// its rows written, then the next batch, so memory stays flat whatever the log's size. Cells are
/// neutralised against formula injection; the hashes are included so an export can be checked later.
/// </summary>
public sealed class AuditExport(ContestDbContext db, AuditNames names, IStringLocalizerFactory localizers)
{
    public const int BatchSize = 1000;
    /// <summary>A sheet holds 1,048,576 rows; beyond this the spreadsheet ends with a note pointing to the CSV.</summary>
    public const int MaxSpreadsheetRows = 1_000_000;

    private readonly IStringLocalizer _t = localizers.Create(typeof(AuditExport));

    private string[] Header() =>
        new[] { "编号", "时间（北京时间）", "操作人", "操作人账号编号", "动作", "对象", "团队编号", "团队", "数据集编号", "数据集", "处理结果", "详情", "来源 IP", "前序哈希", "哈希" }
            .Select(h => _t[h].Value).ToArray();

    public async Task WriteCsvAsync(AuditFilter filter, Stream output, CancellationToken cancellationToken)
    {
        await using var writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), 64 * 1024, leaveOpen: true);
        await writer.WriteAsync(CsvLine(Header()));
        long lastId = 0;
        while (true)
        {
            var batch = await NextBatch(filter, lastId).ToListAsync(cancellationToken);
            if (batch.Count == 0) break;
            await names.LoadAsync(batch, cancellationToken);
            foreach (var entry in batch) await writer.WriteAsync(CsvLine(Cells(entry)));
            await writer.FlushAsync(cancellationToken);
            lastId = batch[^1].Id;
        }
    }

    /// <summary>MiniExcel pulls rows synchronously, so this runs off the request thread into a temporary file.</summary>
    public void WriteXlsx(AuditFilter filter, Stream output) =>
        MiniExcel.SaveAs(output, SpreadsheetRows(filter), sheetName: _t["审计日志"].Value);

    private IEnumerable<IDictionary<string, object?>> SpreadsheetRows(AuditFilter filter)
    {
        var header = Header();
        long lastId = 0, written = 0;
        while (true)
        {
            var batch = NextBatch(filter, lastId).ToList();
            if (batch.Count == 0) yield break;
            names.Load(batch);
            foreach (var entry in batch)
            {
                if (++written > MaxSpreadsheetRows)
                {
                    yield return Row(header, ["…", "", "", "", "", "", "", "", "", "", "", _t["超过 {0} 行，表格已截断；请缩小筛选范围或导出 CSV", MaxSpreadsheetRows].Value, "", "", ""]);
                    yield break;
                }
                yield return Row(header, Cells(entry).Select(SpreadsheetText.Neutralise).ToArray());
            }
            lastId = batch[^1].Id;
        }
    }

    private IQueryable<AuditEntry> NextBatch(AuditFilter filter, long afterId) =>
        filter.Apply(db.AuditEntries.AsNoTracking()).Where(e => e.Id > afterId).OrderBy(e => e.Id).Take(BatchSize);

    private string?[] Cells(AuditEntry e) =>
    [
        e.Id.ToString(CultureInfo.InvariantCulture),
        ContestTime.ToChina(e.At).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        e.ActorName, e.ActorId, e.Action, e.Subject,
        e.TeamId?.ToString(CultureInfo.InvariantCulture), names.Team(e.TeamId),
        e.DatasetId?.ToString("D"), names.Dataset(e.DatasetId),
        e.Outcome, e.Detail, e.IpAddress, e.PreviousHash, e.Hash,
    ];

    private static string CsvLine(IEnumerable<string?> cells) => string.Join(',', cells.Select(SpreadsheetText.CsvField)) + "\r\n";

    private static Dictionary<string, object?> Row(string[] header, string?[] cells)
    {
        var row = new Dictionary<string, object?>(header.Length);
        for (var i = 0; i < header.Length; i++) row[header[i]] = cells[i] ?? "";
        return row;
    }
}
