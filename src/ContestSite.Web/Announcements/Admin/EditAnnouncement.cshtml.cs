using System.Security.Claims;
using ContestSite.Core.Announcements;
using ContestSite.Core.Contests;
using ContestSite.Core.Rules;
using ContestSite.Data;
using ContestSite.Web.Announcements.UseCases;
using ContestSite.Web.Localization;
using ContestSite.Web.Seasons;
using ContestSite.Web.Security;
using ContestSite.Web.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ContestSite.Web.Announcements.Admin;

/// <summary>Write or edit an announcement: preview, publish now or at a time, the audience to email, attachments.</summary>
[RequirePermission(AnnouncementPermissions.ManageAnnouncements)]
public sealed class EditAnnouncementModel(ContestDbContext db, CurrentContest current, MarkdownRenderer markdown, TimeProvider clock,
    IStringLocalizerFactory localizers) : PageModel
{
    private readonly IStringLocalizer _text = localizers.Create(typeof(EditAnnouncementModel));

    [BindProperty] public AnnouncementInput Input { get; set; } = new();
    public int? Id { get; private set; }
    public Announcement? Saved { get; private set; }
    public IReadOnlyList<Track> Tracks { get; private set; } = [];
    public string? PreviewHtml { get; private set; }

    public async Task<IActionResult> OnGetAsync(int? id)
    {
        if (!await LoadAsync(id)) return NotFound();
        if (Saved is not null) Input = AnnouncementInput.From(Saved, clock.GetUtcNow());
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, [FromServices] SaveAnnouncement save)
    {
        if (!await LoadAsync(id)) return NotFound();
        var result = await save.RunAsync(id, Input, User.FindFirstValue(ClaimTypes.NameIdentifier));
        if (!result.Saved) return Refused(result);
        TempData["Notice"] = _text[Input.Mode switch
        {
            PublishMode.Draft => "草稿已保存。",
            PublishMode.Schedule => "公告已保存，将按时发布。",
            _ => "公告已发布。",
        }].Value;
        return Redirect($"/admin/announcements/edit/{result.Id}");
    }

    /// <summary>Shows the body as the public will see it, without saving anything.</summary>
    public async Task<IActionResult> OnPostPreviewAsync(int? id)
    {
        if (!await LoadAsync(id)) return NotFound();
        ModelState.Clear();
        PreviewHtml = markdown.ToSafeHtml(Input.Body ?? "");
        return Page();
    }

    public async Task<IActionResult> OnPostUploadAsync(int id, IFormFile? upload, [FromServices] AnnouncementAttachments attachments)
    {
        if (!await LoadAsync(id)) return NotFound();
        var result = await attachments.AddAsync(id, upload);
        return AfterFileChange(result, "附件已上传。");
    }

    public async Task<IActionResult> OnPostRemoveFileAsync(int id, int fileId, [FromServices] AnnouncementAttachments attachments)
    {
        if (!await LoadAsync(id)) return NotFound();
        return AfterFileChange(await attachments.RemoveAsync(id, fileId), "附件已删除。");
    }

    private IActionResult AfterFileChange(ChangeResult result, string success)
    {
        if (!result.Saved)
        {
            Input = AnnouncementInput.From(Saved!, clock.GetUtcNow());
            return Refused(result);
        }
        TempData["Notice"] = _text[success].Value;
        return Redirect($"/admin/announcements/edit/{Id}");
    }

    private IActionResult Refused(ChangeResult result)
    {
        // Arguments that are words themselves (a size in "{0} 字节") are translated before the message around them.
        foreach (var refusal in result.Refusals) ModelState.AddModelError(string.Empty, _text.Localize(refusal));
        return Page();
    }

    private async Task<bool> LoadAsync(int? id)
    {
        Id = id;
        Tracks = (await current.FindAsync())?.Tracks ?? [];
        if (id is null) return true;
        Saved = await db.Announcements.AsNoTracking().Include(a => a.Attachments.OrderBy(f => f.Id)).SingleOrDefaultAsync(a => a.Id == id);
        return Saved is not null;
    }

    public string AudienceText(AnnouncementAudience audience) => _text[audience switch
    {
        AnnouncementAudience.AllContestants => "全体参赛者",
        AnnouncementAudience.Track => "某一赛道的参赛者",
        AnnouncementAudience.Judges => "全体评委",
        _ => "不发送邮件",
    }].Value;
}
