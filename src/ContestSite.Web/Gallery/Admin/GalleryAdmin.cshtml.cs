using System.Security.Claims;
using ContestSite.Core.Contests;
using ContestSite.Core.Gallery;
using ContestSite.Core.Rules;
using ContestSite.Core.Submissions;
using ContestSite.Data;
using ContestSite.Web.Gallery.UseCases;
using ContestSite.Web.Localization;
using ContestSite.Web.Seasons;
using ContestSite.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ContestSite.Web.Gallery.Admin;

public sealed record GalleryCandidate(int SubmissionId, string Title, string TeamName);

/// <summary>Organizers' gallery: record consent and publish, publish a round's awarded entries, open likes, list entries.</summary>
[RequirePermission(GalleryPermissions.ManageGallery)]
public sealed class GalleryAdminModel(ContestDbContext db, CurrentContest current, IStringLocalizerFactory localizers) : PageModel
{
    private readonly IStringLocalizer _text = localizers.Create(typeof(GalleryAdminModel));

    [BindProperty] public GalleryPublishInput Input { get; set; } = new();
    public IReadOnlyList<GalleryEntry> Entries { get; private set; } = [];
    public IReadOnlyList<GalleryCandidate> Candidates { get; private set; } = [];
    public Contest? Contest { get; private set; }
    public bool LikesEnabled { get; private set; }
    public IReadOnlyList<string> Errors { get; private set; } = [];

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostPublishAsync([FromServices] PublishToGallery publish)
    {
        var result = await publish.RunAsync(Input, User.FindFirstValue(ClaimTypes.NameIdentifier)!);
        if (result.Saved) return Done(Input.PublishNow ? "作品已发布到作品展示。" : "已记录团队授权，作品尚未公开。");
        Errors = result.Refusals.Select(r => _text.Localize(r)).ToList();
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAwardedAsync(int roundId, [FromServices] PublishAwardedEntries publish)
    {
        var result = await publish.RunAsync(roundId);
        TempData["Notice"] = result.SkippedTeams.Count == 0
            ? _text["已发布 {0} 件获奖作品。", result.Published].Value
            : _text["已发布 {0} 件获奖作品；以下团队未记录展示授权，已跳过：{1}", result.Published, string.Join("、", result.SkippedTeams)].Value;
        return Redirect("/admin/gallery");
    }

    public async Task<IActionResult> OnPostLikesAsync(bool enabled, [FromServices] SwitchGalleryLikes likes)
    {
        var contest = await current.FindAsync();
        if (contest is null) return NotFound();
        await likes.RunAsync(contest.Id, enabled);
        return Done(enabled ? "已开放人气投票。" : "已关闭人气投票。");
    }

    public Task<IActionResult> OnPostUnpublishAsync(int id, [FromServices] ChangeGalleryEntry change) => ActAsync(change.UnpublishAsync(id), "作品已撤回，公众不再能看到它。");
    public Task<IActionResult> OnPostRepublishAsync(int id, [FromServices] ChangeGalleryEntry change) => ActAsync(change.PublishAsync(id), "作品已发布到作品展示。");

    private async Task<IActionResult> ActAsync(Task<ChangeResult> action, string success)
    {
        var result = await action;
        TempData["Notice"] = result.Saved ? _text[success].Value : _text.Localize(result.Refusals[0]);
        return Redirect("/admin/gallery");
    }

    private IActionResult Done(string notice)
    {
        TempData["Notice"] = _text[notice].Value;
        return Redirect("/admin/gallery");
    }

    private async Task LoadAsync()
    {
        Contest = await current.FindAsync();
        Entries = await db.GalleryEntries.AsNoTracking().OrderBy(e => e.PublishedAt != null).ThenByDescending(e => e.UpdatedAt).Take(500).ToListAsync();
        var open = await db.Submissions.AsNoTracking().Where(s => s.Status == SubmissionStatus.Finalised && !db.GalleryEntries.Any(e => e.SubmissionId == s.Id))
            .Join(db.Teams, s => s.TeamId, t => t.Id, (s, t) => new { s.Id, s.CurrentVersionNumber, TeamName = t.Name })
            .OrderBy(x => x.Id).Take(1000).ToListAsync();
        var ids = open.Select(x => x.Id).ToList();
        var titles = (await db.SubmissionVersions.AsNoTracking().Where(v => ids.Contains(v.SubmissionId))
            .Select(v => new { v.SubmissionId, v.Number, v.Title }).ToListAsync()).ToDictionary(v => (v.SubmissionId, v.Number), v => v.Title);
        Candidates = open.Select(x => new GalleryCandidate(x.Id, titles.GetValueOrDefault((x.Id, x.CurrentVersionNumber), ""), x.TeamName)).ToList();
        LikesEnabled = Contest is not null && await db.GallerySettings.AnyAsync(s => s.ContestId == Contest.Id && s.LikesEnabled);
    }
}
