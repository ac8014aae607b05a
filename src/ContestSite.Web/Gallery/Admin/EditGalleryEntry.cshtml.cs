using ContestSite.Core.Gallery;
using ContestSite.Data;
using ContestSite.Web.Gallery.UseCases;
using ContestSite.Web.Localization;
using ContestSite.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ContestSite.Web.Gallery.Admin;

/// <summary>An organizer edits an entry's showcase text and the names shown; the recorded consent is shown, not editable.</summary>
[RequirePermission(GalleryPermissions.ManageGallery)]
public sealed class EditGalleryEntryModel(ContestDbContext db, IStringLocalizerFactory localizers) : PageModel
{
    private readonly IStringLocalizer _text = localizers.Create(typeof(EditGalleryEntryModel));

    [BindProperty] public GalleryShowcaseInput Input { get; set; } = new();
    public GalleryEntry Entry { get; private set; } = null!;
    public IReadOnlyList<string> Errors { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (!await LoadAsync(id)) return NotFound();
        Input = new GalleryShowcaseInput
        {
            Title = Entry.ShowcaseTitle, Text = Entry.ShowcaseText, TeamDisplayName = Entry.TeamDisplayName,
            MemberDisplayNames = Entry.MemberDisplayNames, Version = Entry.Version,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, [FromServices] ChangeGalleryEntry change)
    {
        var result = await change.EditAsync(id, Input);
        if (result.Saved)
        {
            TempData["Notice"] = _text["展示内容已保存。"].Value;
            return Redirect("/admin/gallery");
        }
        if (!await LoadAsync(id)) return NotFound();
        Errors = result.Refusals.Select(r => _text.Localize(r)).ToList();
        return Page();
    }

    private async Task<bool> LoadAsync(int id)
    {
        var entry = await db.GalleryEntries.AsNoTracking().SingleOrDefaultAsync(e => e.Id == id);
        if (entry is null) return false;
        Entry = entry;
        return true;
    }
}
