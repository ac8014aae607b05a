using System.Security.Claims;
using ContestSite.Core.Submissions;
using ContestSite.Core.Teams;
using ContestSite.Data;
using ContestSite.Web.Localization;
using ContestSite.Web.Security;
using ContestSite.Web.Submissions.Uploads;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace ContestSite.Web.Submissions;

/// <summary>A team's entry for one round: edit and save (each save a version), upload files, and the captain's 定稿.</summary>
[RequirePermission(SubmissionPermissions.Submit)]
public sealed class EditModel(ContestDbContext db, DeclaredDatasets declaredDatasets, TimeProvider clock, IOptions<SubmissionUploadOptions> uploadOptions, IStringLocalizerFactory localizers) : PageModel
{
    private readonly IStringLocalizer _text = localizers.Create(typeof(SubmissionPermissions));

    public EntryContext Entry { get; private set; } = null!;
    public SubmissionVersion? Current { get; private set; }
    public List<SubmissionVersion> History { get; private set; } = [];
    public List<SubmissionUpload> Waiting { get; private set; } = [];
    public List<DeclaredDatasets.Offered> Datasets { get; private set; } = [];
    public DateTimeOffset Now { get; private set; }
    public HashSet<string> Thumbnailed { get; private set; } = [];
    public bool IsCaptain => Entry.Team.IsCaptain(UserId);
    public bool CanEdit => SubmissionRules.CanEdit(Entry.Team, Entry.Round, Entry.MayEnter, Entry.Submission, UserId, Now, TimeSpan.Zero, false).Allowed;
    public TimeSpan Grace => uploadOptions.Value.GracePeriod;

    [BindProperty] public SubmissionInput Input { get; set; } = new();
    [BindProperty] public IFormFile? Proposal { get; set; }
    [BindProperty] public List<IFormFile> Screenshots { get; set; } = [];
    [BindProperty] public IFormFile? Video { get; set; }
    [BindProperty] public IFormFile? SourcePackage { get; set; }

    /// <summary>The smallest allowed width, shown beside each screenshot.</summary>
    public const int ThumbnailWidth = 320;

    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";

    public async Task<IActionResult> OnGetAsync(int roundId)
    {
        if (!await LoadAsync(roundId)) return NotFound();
        if (Current is not null) Input = FromVersion(Current);
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(int roundId, [FromServices] SaveSubmission save, [FromServices] FormFileUpload formFiles)
    {
        if (!await LoadAsync(roundId)) return NotFound();
        if (!ModelState.IsValid) return Page();
        var added = new List<Guid>();
        foreach (var (kind, file) in PostedFiles())
        {
            var (result, id) = await formFiles.RunAsync(roundId, UserId, kind, file, HttpContext.RequestAborted);
            if (!result.Allowed) return await RefuseAsync(formFiles, added, _text["{0}：{1}", file.FileName, _text.Localize(result)].Value);
            added.Add(id!.Value);
        }
        Input.UploadIds.AddRange(added);
        var (saved, number) = await save.RunAsync(roundId, UserId, Input, HttpContext.RequestAborted);
        if (!saved.Allowed) return await RefuseAsync(formFiles, added, _text.Localize(saved));
        TempData["Notice"] = _text["已保存为第 {0} 版。", number].Value;
        return Redirect($"/submissions/{roundId}");
    }

    /// <summary>定稿 cannot be undone by the team: a post without the confirmation page's field only leads to that page.</summary>
    public async Task<IActionResult> OnPostFinaliseAsync(int roundId, bool confirmed, int? version, [FromServices] FinaliseSubmission finalise)
    {
        if (!confirmed) return Redirect($"/submissions/{roundId}/finalise");
        var result = await finalise.RunAsync(roundId, UserId, version, HttpContext.RequestAborted);
        if (!result.Allowed)
        {
            ModelState.Clear();
            if (!await LoadAsync(roundId)) return NotFound();
            if (Current is not null) Input = FromVersion(Current);
            ModelState.AddModelError(string.Empty, _text.Localize(result));
            return Page();
        }
        TempData["Notice"] = _text["作品已定稿，回执已发送到各成员的邮箱。"].Value;
        return Redirect($"/submissions/{roundId}");
    }

    private IEnumerable<(SubmissionFileKind, IFormFile)> PostedFiles()
    {
        if (Proposal is { Length: > 0 }) yield return (SubmissionFileKind.Proposal, Proposal);
        foreach (var screenshot in Screenshots.Where(s => s.Length > 0)) yield return (SubmissionFileKind.Screenshot, screenshot);
        if (Video is { Length: > 0 }) yield return (SubmissionFileKind.Video, Video);
        if (SourcePackage is { Length: > 0 }) yield return (SubmissionFileKind.SourcePackage, SourcePackage);
    }

    private async Task<IActionResult> RefuseAsync(FormFileUpload formFiles, List<Guid> added, string message)
    {
        foreach (var upload in await db.SubmissionUploads.Where(u => added.Contains(u.Id)).ToListAsync()) await formFiles.ForgetAsync(upload);
        Input.UploadIds.RemoveAll(added.Contains);
        ModelState.AddModelError(string.Empty, message);
        return Page();
    }

    private async Task<bool> LoadAsync(int roundId)
    {
        var entry = await db.EntryForPersonAsync(roundId, UserId);
        if (entry is null) return false;
        Entry = entry;
        Now = clock.GetUtcNow();
        if (entry.Submission is { } submission)
        {
            History = await db.SubmissionVersions.AsNoTracking().Where(v => v.SubmissionId == submission.Id).OrderByDescending(v => v.Number).ToListAsync();
            if (submission.CurrentVersionNumber > 0) Current = await db.VersionAsync(submission.Id, submission.CurrentVersionNumber);
            var keys = Current?.Files.Select(f => f.StorageKey).ToList() ?? [];
            Thumbnailed = (await db.SubmissionThumbnails.Where(t => keys.Contains(t.SourceKey) && t.SlotWidth == ThumbnailWidth).Select(t => t.SourceKey).ToListAsync()).ToHashSet();
        }
        Waiting = await db.ReadyUploadsAsync(entry.Team.Id, roundId);
        Datasets = await declaredDatasets.OfferedAsync(entry.Team, Current?.Datasets.Select(d => d.DatasetId).ToList() ?? []);
        return true;
    }

    private static SubmissionInput FromVersion(SubmissionVersion version) => new()
    {
        Title = version.Title, Pitch = version.Pitch, Description = version.Description, Category = version.Category,
        DemoUrl = version.DemoUrl, VideoUrl = version.VideoUrl, DatasetIds = version.Datasets.Select(d => d.DatasetId).ToList(),
        KeepFileIds = version.Files.Select(f => f.Id).ToList(),
    };
}
