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
    public AuditVerification? Verification { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (!Validate()) return Page();
        await LoadPageAsync(HttpContext.RequestAborted);
        return Page();
    }

    public async Task<IActionResult> OnPostVerifyAsync([FromServices] CheckAuditChain check)
    {
        Verification = await check.CheckAsync(HttpContext.RequestAborted);
        if (Validate()) await LoadPageAsync(HttpContext.RequestAborted);
        return Page();
    }

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
    public string BreakReason(AuditChainBreak broken) => broken.Kind switch
    {
        AuditChainBreakKind.FirstNotGenesis => _t["第一条记录的前序哈希不是创世哈希（可能有记录被删除）"].Value,
        AuditChainBreakKind.LinkBroken => _t["前序哈希与第 {0} 条记录不符（其间可能有记录被删除或插入）", broken.PreviousId].Value,
        _ => _t["记录内容与其哈希不符（记录被修改过）"].Value,
    };
}
