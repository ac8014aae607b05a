using System.Security.Claims;
using ContestSite.Web.Gallery.UseCases;
using ContestSite.Web.Hosting;
using ContestSite.Web.Localization;
using ContestSite.Web.Security;
using ContestSite.Web.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Localization;

namespace ContestSite.Web.Gallery;

/// <summary>One published entry: screenshots (thumbnails only), video link, description, datasets used, team as agreed, award, likes.</summary>
[RequirePermission(GalleryPermissions.ViewGallery)]
[OutputCache(PolicyName = PublicOutputCache.Policy, Tags = [GalleryCache.Tag])]
public sealed class GalleryEntryModel(GalleryEntryDetails details, MarkdownRenderer markdown, GalleryLikesOfVisitor likes, IStringLocalizerFactory localizers) : PageModel
{
    private readonly IStringLocalizer _text = localizers.Create(typeof(GalleryEntryModel));

    public GalleryEntryRecord Item { get; private set; } = null!;
    /// <summary>Sanitized by <see cref="MarkdownRenderer"/>; the only HTML the page writes raw.</summary>
    public string SafeHtml { get; private set; } = "";
    /// <summary>The player of the entry's video when it is on an allowed video site; otherwise the video is a link.</summary>
    public VideoEmbed? Video { get; private set; }
    public bool Liked { get; private set; }
    public bool OwnTeams { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var item = await details.FindAsync(id, cancellationToken);
        if (item is null) return NotFound();
        Item = item;
        SafeHtml = markdown.ToSafeHtml(item.DescriptionMarkdown);
        var userId = User.FindFirstValue(ClaimTypes.NameIdentifier);
        Liked = (await likes.LikedAsync(userId, [id], cancellationToken)).Contains(id);
        OwnTeams = await likes.IsOwnTeamsAsync(userId, id, cancellationToken);
        Video = VideoEmbed.From(item.VideoUrl);
        if (Video is not null) Response.Headers.ContentSecurityPolicy = ContentSecurity.PolicyFraming(Video.FrameSource);
        return Page();
    }

    public async Task<IActionResult> OnPostLikeAsync(int id, [FromServices] LikeGalleryEntry like)
    {
        if (User.FindFirstValue(ClaimTypes.NameIdentifier) is null) return Challenge();
        var result = await like.RunAsync(id, User.FindFirstValue(ClaimTypes.NameIdentifier)!);
        TempData["Notice"] = result.Saved ? _text["谢谢你的点赞！"].Value : _text.Localize(result.Refusals[0]);
        return Redirect($"/gallery/{id}");
    }
}
