using ContestSite.Core.Bundles;
using ContestSite.Data;
using Microsoft.AspNetCore.Authorization;
using ContestSite.Web.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ContestSite.Web.Bundles;

/// <summary>One version of an agreement as it was published: what a team accepted stays readable word for word.</summary>
[Authorize]
public sealed class AgreementModel(ContestDbContext db, MarkdownRenderer markdown) : PageModel
{
    public AgreementVersion Version { get; private set; } = null!;
    public string SafeHtml { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(int id)
    {
        var version = await db.AgreementVersions.AsNoTracking().SingleOrDefaultAsync(v => v.Id == id);
        if (version is null) return NotFound();
        Version = version;
        SafeHtml = markdown.ToSafeHtml(version.Markdown);
        return Page();
    }
}
