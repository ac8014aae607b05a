using ContestSite.Core.Announcements;
using ContestSite.Core.Rules;
using ContestSite.Data;
using ContestSite.Web.Announcements.UseCases;
using ContestSite.Web.Localization;
using ContestSite.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ContestSite.Web.Announcements.Admin;

/// <summary>Every announcement for organizers, drafts and scheduled ones included, with pin, unpublish and delete.</summary>
[RequirePermission(AnnouncementPermissions.ManageAnnouncements)]
public sealed class AnnouncementsAdminModel(ContestDbContext db, TimeProvider clock, IStringLocalizerFactory localizers) : PageModel
{
    private const int PageSize = 50;
    private readonly IStringLocalizer _text = localizers.Create(typeof(AnnouncementsAdminModel));

    public int PageNumber { get; private set; } = 1;
    public IReadOnlyList<Announcement> Items { get; private set; } = [];
    public bool HasMore { get; private set; }
    public DateTimeOffset Now { get; private set; }

    // "page" is also Razor Pages' own route value (the page's path), so it is read from the query string only.
    public async Task OnGetAsync([FromQuery(Name = "page")] int page = 1)
    {
        PageNumber = Math.Clamp(page, 1, 10_000);
        Now = clock.GetUtcNow();
        // Drafts first (they need attention), then scheduled and published, newest first.
        var rows = await db.Announcements.AsNoTracking().OrderBy(a => a.PublishAt != null).ThenByDescending(a => a.PublishAt).ThenByDescending(a => a.Id)
            .Skip((PageNumber - 1) * PageSize).Take(PageSize + 1).ToListAsync();
        HasMore = rows.Count > PageSize;
        Items = rows.Take(PageSize).ToList();
    }

    public Task<IActionResult> OnPostPinAsync(int id, [FromServices] ChangePublication change) => ActAsync(change.PinAsync(id, true), "公告已置顶。");
    public Task<IActionResult> OnPostUnpinAsync(int id, [FromServices] ChangePublication change) => ActAsync(change.PinAsync(id, false), "已取消置顶。");
    public Task<IActionResult> OnPostUnpublishAsync(int id, [FromServices] ChangePublication change) => ActAsync(change.UnpublishAsync(id), "公告已撤回，公众不再能看到它。");
    public Task<IActionResult> OnPostDeleteAsync(int id, [FromServices] ChangePublication change) => ActAsync(change.DeleteAsync(id), "公告已删除。");

    private async Task<IActionResult> ActAsync(Task<ChangeResult> action, string success)
    {
        var result = await action;
        TempData["Notice"] = result.Saved ? _text[success].Value : _text.Localize(result.Refusals[0]);
        return Redirect("/admin/announcements");
    }

    public string State(Announcement a) => a.PublishAt is null ? _text["草稿"].Value
        : a.IsScheduled(Now) ? _text["定时：{0}", ContestTime.Display(a.PublishAt.Value)].Value
        : _text["已发布：{0}", ContestTime.Display(a.PublishAt.Value)].Value;

    public string MailState(Announcement a) => a.Audience == AnnouncementAudience.None ? "—"
        : a.EmailQueuedAt is { } at ? _text["已发送 {0} 封（{1}）", a.EmailRecipientCount, ContestTime.Display(at)].Value
        : _text["发布时发送"].Value;
}
