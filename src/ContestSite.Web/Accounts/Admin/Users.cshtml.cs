using ContestSite.Data;
using ContestSite.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ContestSite.Web.Accounts.Admin;

[RequirePermission(AccountPermissions.ManageUsers)]
public sealed class UsersModel(ContestDbContext db, TimeProvider clock) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [FromQuery(Name = "page")] public int PageNumber { get; set; } = 1;
    public int Total { get; private set; }
    public IReadOnlyList<UserRow> Items { get; private set; } = [];

    public async Task OnGetAsync()
    {
        PageNumber = Math.Max(1, PageNumber);
        var users = db.Users.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(Q))
        {
            var q = Q.Trim().ToUpperInvariant();
            users = users.Where(u => u.NormalizedEmail!.Contains(q) || u.DisplayName.Contains(Q.Trim()));
        }
        Total = await users.CountAsync();
        var now = clock.GetUtcNow();
        var page = await users.OrderBy(u => u.Email).Skip((PageNumber - 1) * PageSize).Take(PageSize)
            .Select(u => new { u.Id, u.DisplayName, u.Email, u.EmailConfirmed, u.IsDisabled, u.LockoutEnd }).ToListAsync();
        var ids = page.Select(u => u.Id).ToList();
        var roles = await db.UserRoles.Where(ur => ids.Contains(ur.UserId))
            .Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name }).ToListAsync();
        Items = page.Select(u => new UserRow(u.Id, u.DisplayName, u.Email ?? "", u.EmailConfirmed, u.IsDisabled,
            u.LockoutEnd > now, roles.Where(r => r.UserId == u.Id).Select(r => r.Name!).Order().ToList())).ToList();
    }

    public sealed record UserRow(string Id, string DisplayName, string Email, bool EmailConfirmed, bool IsDisabled, bool LockedOut, IReadOnlyList<string> Roles);
}
