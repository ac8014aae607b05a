using ContestSite.Core.Bundles;
using ContestSite.Data;
using ContestSite.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ContestSite.Web.Bundles.CloseOuts;

public enum CloseOutFilter { Overdue, Owed, Attested, All }

public sealed record CloseOutRow(CloseOut CloseOut, string TeamName, string DatasetTitle);

/// <summary>/admin/data-closeouts: who owes a close-out (销毁), who is overdue, who attested; overdue ones can be escalated.</summary>
[RequirePermission(BundlePermissions.DecideApplications)]
public sealed class CloseOutsModel(ContestDbContext db, TimeProvider clock, IStringLocalizerFactory localizers) : ContestPageModel(localizers)
{
    public const int PageSize = 50;

    [FromQuery] public CloseOutFilter Filter { get; set; } = CloseOutFilter.Overdue;
    [FromQuery(Name = "page")] public int PageNumber { get; set; } = 1;
    public IReadOnlyList<CloseOutRow> Rows { get; private set; } = [];
    public bool HasMore { get; private set; }
    public DateTimeOffset Now { get; private set; }

    public Task OnGetAsync() => LoadAsync();

    public async Task<IActionResult> OnPostEscalateAsync(int closeOutId, string? note, [FromServices] EscalateCloseOut escalate)
    {
        var result = await escalate.RunAsync(closeOutId, UserId, note);
        if (!result.Allowed)
        {
            ShowRefusal(result);
            await LoadAsync();
            return Page();
        }
        Announce("已督办，团队全体成员已收到邮件。");
        return Redirect($"/admin/data-closeouts?filter={Filter}");
    }

    private async Task LoadAsync()
    {
        Now = clock.GetUtcNow();
        var now = Now;
        PageNumber = Math.Max(1, PageNumber);
        var query = db.CloseOuts.AsNoTracking();
        query = Filter switch
        {
            CloseOutFilter.Overdue => query.Where(c => c.State != CloseOutState.Attested && c.DueAt <= now),
            CloseOutFilter.Owed => query.Where(c => c.State == CloseOutState.Owed && c.DueAt > now),
            CloseOutFilter.Attested => query.Where(c => c.State == CloseOutState.Attested),
            _ => query,
        };
        var rows = await query.OrderBy(c => c.DueAt).ThenBy(c => c.Id)
            .Join(db.Teams, c => c.TeamId, t => t.Id, (c, t) => new { CloseOut = c, TeamName = t.Name })
            .Join(db.Datasets, x => x.CloseOut.DatasetId, d => d.Id, (x, d) => new CloseOutRow(x.CloseOut, x.TeamName, d.Title))
            .Skip((PageNumber - 1) * PageSize).Take(PageSize + 1).ToListAsync();
        HasMore = rows.Count > PageSize;
        Rows = rows.Take(PageSize).ToList();
    }
}
