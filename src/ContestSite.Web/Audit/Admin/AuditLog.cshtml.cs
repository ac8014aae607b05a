using System.Security.Claims;
using ContestSite.Core.Audit;
using ContestSite.Data;
using ContestSite.Web.Audit.UseCases;
using ContestSite.Web.Exports;
using ContestSite.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace ContestSite.Web.Audit.Admin;

/// <summary>
/// The audit log for organizers: filters, keyset paging newest first (the log may hold millions of
/// entries, so there is no total count and no offset), exports of the same selection, and the chain check.
/// </summary>
[RequirePermission(AuditPermissions.ViewAuditLog)]
[AllowMethods("GET", "HEAD", "POST")]
public sealed class AuditLogModel(ContestDbContext db, AuditNames names, IOptions<AuditOptions> options, IStringLocalizerFactory localizers) : PageModel
{
    public const int PageSize = 50;
    private readonly IStringLocalizer _t = localizers.Create(typeof(AuditLogModel));

    [BindProperty(SupportsGet = true)] public AuditFilter Filter { get; set; } = new();
    /// <summary>Show entries older than this id (the next page).</summary>
    [BindProperty(SupportsGet = true, Name = "before")] public long? Before { get; set; }
    /// <summary>Show entries newer than this id (the previous page).</summary>
    [BindProperty(SupportsGet = true, Name = "after")] public long? After { get; set; }

    public IReadOnlyList<AuditEntry> Items { get; private set; } = [];
    public AuditNames Names => names;
    public bool HasOlder { get; private set; }
    public bool HasNewer { get; private set; }
    public int RetentionMonths => options.Value.RetentionMonths;
    /// <summary>The newest check of the chain, running or finished.</summary>
    public AuditVerificationRun? LatestCheck { get; private set; }
    public bool CheckInProgress => LatestCheck?.Status is AuditVerificationStatus.Queued or AuditVerificationStatus.Running;

    public async Task<IActionResult> OnGetAsync()
    {
        await LoadLatestCheckAsync(HttpContext.RequestAborted);
        // The page follows a running check by reloading itself (an HTTP Refresh header: no script needed).
        if (CheckInProgress) Response.Headers["Refresh"] = "3";
        if (!Validate()) return Page();
        await LoadPageAsync(HttpContext.RequestAborted);
        return Page();
    }

    public async Task<IActionResult> OnPostVerifyAsync([FromServices] RequestAuditCheck check)
    {
        await check.RequestAsync(User.FindFirstValue(ClaimTypes.NameIdentifier), HttpContext.RequestAborted);
        return Redirect("/admin/audit" + Filter.ToQuery() + "#verify-heading");
    }

    private async Task LoadLatestCheckAsync(CancellationToken cancellationToken) =>
        LatestCheck = await db.AuditVerificationRuns.AsNoTracking().OrderByDescending(r => r.Id).FirstOrDefaultAsync(cancellationToken);

    public Task<IActionResult> OnGetCsvAsync([FromServices] ExportAuditLog export) => ExportAsync(export, ExportFormat.Csv);

    public Task<IActionResult> OnGetXlsxAsync([FromServices] ExportAuditLog export) => ExportAsync(export, ExportFormat.Xlsx);

    private async Task<IActionResult> ExportAsync(ExportAuditLog export, ExportFormat format)
    {
        if (!Validate()) return Page();
        await TabularExport.SendAsync(Response, await export.ExportAsync(Filter, format), format, "audit-log", HttpContext.RequestAborted);
        return new EmptyResult();
    }

    private bool Validate()
    {
        foreach (var (message, value) in Filter.Problems())
            ModelState.AddModelError(string.Empty, value is null ? _t[message].Value : _t[message, value].Value);
        return ModelState.ErrorCount == 0;
    }

    private async Task LoadPageAsync(CancellationToken cancellationToken)
    {
        var filtered = Filter.Apply(db.AuditEntries.AsNoTracking());
        List<AuditEntry> page;
        if (After is { } after && Before is null)
        {
            page = await filtered.Where(e => e.Id > after).OrderBy(e => e.Id).Take(PageSize + 1).ToListAsync(cancellationToken);
            HasNewer = page.Count > PageSize;
            page = page.Take(PageSize).Reverse().ToList();
            HasOlder = await filtered.AnyAsync(e => e.Id <= after, cancellationToken);
        }
        else
        {
            var query = Before is { } before ? filtered.Where(e => e.Id < before) : filtered;
            page = await query.OrderByDescending(e => e.Id).Take(PageSize + 1).ToListAsync(cancellationToken);
            HasOlder = page.Count > PageSize;
            page = page.Take(PageSize).ToList();
            HasNewer = Before is { } b && await filtered.AnyAsync(e => e.Id >= b, cancellationToken);
        }
        await names.LoadAsync(page, cancellationToken);
        Items = page;
    }

    public static string Time(DateTimeOffset at) => ContestTime.ToChina(at).ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture);
    public static string Id(long id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The reason for a break, in the reader's language.</summary>
    public string BreakReason(AuditVerificationRun run) => run.BreakKind switch
    {
        AuditChainBreakKind.FirstNotGenesis => _t["第一条记录不是链的开头（可能有记录被删除）"].Value,
        AuditChainBreakKind.LinkBroken => _t["前序哈希与第 {0} 条记录不符（其间可能有记录被删除或插入）", run.BreakPreviousId ?? 0].Value,
        AuditChainBreakKind.SequenceGap => _t["序号不连续：第 {0} 条之后的记录被删除", run.BreakPreviousId ?? 0].Value,
        AuditChainBreakKind.Unsigned => _t["该记录没有密钥签名，却出现在已签名的记录之后（伪造的记录）"].Value,
        AuditChainBreakKind.KeyUnknown => _t["找不到该记录的链密钥，无法校验（请恢复密钥文件或设置）"].Value,
        AuditChainBreakKind.TailMissing => _t["最新的记录被删除：链外锚点记录到第 {0} 条", run.BreakPreviousId ?? 0].Value,
        AuditChainBreakKind.AnchorMismatch => _t["该记录与链外锚点记录的不一致（记录被改写，或整条链被重新计算）"].Value,
        _ => _t["记录内容与其哈希不符（记录被修改过）"].Value,
    };
}
