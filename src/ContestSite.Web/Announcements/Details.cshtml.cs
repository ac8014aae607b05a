using ContestSite.Core.Announcements;
using ContestSite.Data;
using ContestSite.Web.Hosting;
using ContestSite.Web.Security;
using ContestSite.Web.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace ContestSite.Web.Announcements;

[RequirePermission(AnnouncementPermissions.ViewAnnouncements)]
[OutputCache(PolicyName = PublicOutputCache.Policy, Tags = [PublicCacheTags.Announcements])]
public sealed class AnnouncementDetailsModel(ContestDbContext db, MarkdownRenderer markdown, TimeProvider clock) : PageModel
{
    public Announcement Item { get; private set; } = null!;
    /// <summary>Sanitized by <see cref="MarkdownRenderer"/>; the only HTML the page writes raw.</summary>
    public string SafeHtml { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(int id)
    {
        var now = clock.GetUtcNow();
        var item = await db.Announcements.AsNoTracking().Include(a => a.Attachments.OrderBy(f => f.Id)).VisibleAt(now).SingleOrDefaultAsync(a => a.Id == id);
        if (item is null) return NotFound();
        Item = item;
        SafeHtml = markdown.ToSafeHtml(item.BodyMarkdown);
        return Page();
    }
}
