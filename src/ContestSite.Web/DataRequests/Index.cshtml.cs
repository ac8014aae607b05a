using ContestSite.Core.DataRequests;
using ContestSite.Data;
using ContestSite.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ContestSite.Web.DataRequests;

/// <summary>The public list of demand requests, filtered by state and words, newest or most supported first; never who asked.</summary>
[RequirePermission(DataRequestPermissions.CatalogView)]
public sealed class DataRequestsIndexModel(ContestDbContext db) : PageModel
{
    public const int PageSize = 20;

    [BindProperty(SupportsGet = true)] public DataRequestState? State { get; set; }
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? Sort { get; set; }
    [BindProperty(SupportsGet = true, Name = "page")] public int PageNumber { get; set; } = 1;

    public sealed record Row(int Id, string Title, DataRequestState State, string? RoutedTo, int SupportCount, DateTimeOffset CreatedAt);
    public IReadOnlyList<Row> Items { get; private set; } = [];
    public int Total { get; private set; }
    public bool HasMore => PageNumber * PageSize < Total;
    public bool BySupport => Sort == "support";

    public async Task OnGetAsync()
    {
        if (PageNumber is < 1 or > 10_000) PageNumber = 1;
        if (State is { } s && !Enum.IsDefined(s)) State = null;
        var query = db.DataRequests.AsNoTracking();
        if (State is { } state) query = query.Where(r => r.State == state);
        var words = Q?.Trim();
        if (!string.IsNullOrEmpty(words))
        {
            if (words.Length > 50) words = words[..50];
            query = query.Where(r => r.Title.Contains(words) || r.Description.Contains(words));
        }
        Total = await query.CountAsync();
        var ordered = BySupport ? query.OrderByDescending(r => r.SupportCount).ThenByDescending(r => r.Id) : query.OrderByDescending(r => r.Id);
        Items = await ordered.Skip((PageNumber - 1) * PageSize).Take(PageSize)
            .Select(r => new Row(r.Id, r.Title, r.State, r.RoutedTo, r.SupportCount, r.CreatedAt)).ToListAsync();
    }

    public string PageUrl(int page)
    {
        var values = new Dictionary<string, string?>
        {
            ["state"] = State?.ToString(), ["q"] = Q, ["sort"] = Sort, ["page"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        return "/data-requests" + QueryString.Create(values.Where(v => !string.IsNullOrEmpty(v.Value))).ToUriComponent();
    }
}
