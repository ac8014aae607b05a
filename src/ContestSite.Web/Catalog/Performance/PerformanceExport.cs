using System.Globalization;
using ContestSite.Core.Catalog;
using ContestSite.Web.Exports;
using Microsoft.Extensions.Localization;

namespace ContestSite.Web.Catalog.Performance;

/// <summary>The opening-performance report as one table for the 通报: provincial departments, then the cities.</summary>
public sealed class PerformanceExport(IStringLocalizerFactory localizers)
{
    private readonly IStringLocalizer _t = localizers.Create(typeof(PerformanceExport));

    public ExportTable Table(PerformanceReport report)
    {
        var header = new[] { "级别", "名称", "年份", "新增数据集", "目标", "是否达标", "开放数据集", "累计下载", "数据申请", "获批申请", "展示应用" }
            .Select(h => _t[h].Value).ToArray();
        var rows = report.Departments.Concat(report.Cities).Select(r => new string?[]
        {
            _t[r.Level == ProviderLevel.City ? "设区市" : "省级部门"].Value, r.Name, Number(report.Year), Number(r.NewInYear), Number(r.Target),
            _t[r.Met ? "达标" : "未达标"].Value, Number(r.OpenDatasets), Number(r.Downloads), Number(r.ApplicationsSubmitted),
            Number(r.ApplicationsApproved), Number(r.Showcased),
        });
        return new ExportTable(_t["开放目录绩效"].Value, header, rows.ToAsyncEnumerable());
    }

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);
}
