using ContestSite.Core.Judging;
using ContestSite.Core.Submissions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace ContestSite.Web.Judging.Discussion;

/// <summary>
/// An entry's discussion, for its judges (assigned, no conflict) and organizers; anyone else gets 404, as if there
/// were no such entry. Comments are Markdown shown sanitized; the form works without script.
/// </summary>
[Authorize]
public sealed class ThreadModel(EntryReaders readers, DiscussionThreads threads, JudgeAccess access, IStringLocalizerFactory localizers) : JudgingPageModel(localizers)
{
    public ThreadView Thread { get; private set; } = null!;
    public SubmissionFile? Proposal { get; private set; }

    [BindProperty] public string? Body { get; set; }
    [BindProperty] public string? Reason { get; set; }

    public async Task<IActionResult> OnGetAsync([FromRoute] int id) => await LoadAsync(id) ?? Page();

    public async Task<IActionResult> OnPostOpenAsync([FromRoute] int id, [FromServices] OpenDiscussion open)
    {
        var reader = await readers.FindAsync(User, id);
        if (reader is null) return NotFound();
        var result = await open.RunAsync(reader, Reason);
        if (result.Allowed)
        {
            Announce("讨论已发起，这件作品的评委和组委会都可以留言。");
            return Redirect(DiscussionPaths.Thread(id));
        }
        ShowRefusal(result);
        return await LoadAsync(id) ?? Page();
    }

    public async Task<IActionResult> OnPostCommentAsync([FromRoute] int id, [FromServices] PostComment post)
    {
        var reader = await readers.FindAsync(User, id);
        if (reader is null) return NotFound();
        var result = await post.RunAsync(reader, Body);
        if (result.Allowed)
        {
            Announce("留言已发表，并已通知讨论中的其他人。");
            return Redirect(DiscussionPaths.Thread(id) + "#comments");
        }
        ShowRefusal(result);
        return await LoadAsync(id) ?? Page();
    }

    private async Task<IActionResult?> LoadAsync(int id)
    {
        var reader = await readers.FindAsync(User, id);
        if (reader is null) return NotFound();
        Thread = await threads.ReadAsync(reader);
        var version = await access.CurrentVersionAsync(reader.Submission);
        Proposal = version?.Files.FirstOrDefault(ProposalViewer.Offers);
        return null;
    }
}
