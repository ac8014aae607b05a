using System.Globalization;
using System.Runtime.CompilerServices;
using ContestSite.Core.Audit;
using ContestSite.Data;
using ContestSite.Web.Exports;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ContestSite.Web.Audit;

/// <summary>
/// The filtered audit log, oldest first, read in keyset batches: a batch is read, its names looked up, its
/// rows written, then the next batch, so memory stays flat whatever the log's size. The hashes are
/// included so an export can be checked later.
/// </summary>
public sealed class AuditExport(ContestDbContext db, AuditNames names, IStringLocalizerFactory localizers)
{
    public const int BatchSize = 1000;

    private readonly IStringLocalizer _t = localizers.Create(typeof(AuditExport));

    public ExportTable Table(AuditFilter filter) => new(
        _t["审计日志"].Value,
        new[] { "编号", "时间（北京时间）", "操作人", "操作人账号编号", "动作", "对象", "团队编号", "团队", "数据集编号", "数据集", "处理结果", "详情", "来源 IP", "前序哈希", "哈希" }
            .Select(h => _t[h].Value).ToArray(),
        RowsAsync(filter),
        _t["超过 {0} 行，表格已截断；请缩小筛选范围或导出 CSV", TabularExport.MaxSpreadsheetRows].Value);

    private async IAsyncEnumerable<string?[]> RowsAsync(AuditFilter filter, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        long lastId = 0;
        while (true)
        {
            var batch = await filter.Apply(db.AuditEntries.AsNoTracking()).Where(e => e.Id > lastId).OrderBy(e => e.Id).Take(BatchSize)
                .ToListAsync(cancellationToken);
            if (batch.Count == 0) yield break;
            await names.LoadAsync(batch, cancellationToken);
            foreach (var entry in batch) yield return Cells(entry);
            lastId = batch[^1].Id;
        }
    }

    private string?[] Cells(AuditEntry e) =>
    [
        e.Id.ToString(CultureInfo.InvariantCulture),
        ContestTime.ToChina(e.At).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        e.ActorName, e.ActorId, e.Action, e.Subject,
        e.TeamId?.ToString(CultureInfo.InvariantCulture), names.Team(e.TeamId),
        e.DatasetId?.ToString("D"), names.Dataset(e.DatasetId),
        e.Outcome, e.Detail, e.IpAddress, e.PreviousHash, e.Hash,
    ];
}
