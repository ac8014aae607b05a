using ContestSite.Core.Judging;
using ContestSite.Data;
using ContestSite.Web.Judging.UseCases;
using Microsoft.EntityFrameworkCore;

namespace ContestSite.Web.Judging.Discussion;

/// <summary>
/// How a comment's author is shown: judges see each other as 评委 A, B… (by assignment order) and organizers as
/// 组委会, so no judge learns who gave which score; organizers see names. <see cref="Key"/> is a localizer key.
/// </summary>
public sealed record AuthorLabel(string Key, params object[] Arguments);

public sealed record CommentView(int Id, AuthorLabel Author, bool Mine, DateTimeOffset PostedAt, string Body);

/// <summary>An entry's discussion as one reader sees it.</summary>
public sealed record ThreadView(EntryReader Reader, string Title, Core.Judging.Discussion? Discussion, bool Disagreement, RoundPhase Phase, IReadOnlyList<CommentView> Comments)
{
    public bool IsOpen => DiscussionRules.IsOpen(Discussion is not null, Disagreement);
    public bool ReadOnly => !DiscussionRules.MayChange(Phase).Allowed;
}

/// <summary>Reads an entry's discussion, whether it is open, and who takes part in it.</summary>
public sealed class DiscussionThreads(ContestDbContext db, RoundStates states, RoundResults results)
{
    /// <summary>
    /// Whether the judges' counted totals on the entry lie further apart than the round's threshold: the same flag the
    /// results page shows (<see cref="Ranking.Disagree"/> over submitted, not excluded reviews).
    /// </summary>
    public async Task<bool> DisagreementAsync(int roundId, int submissionId, CancellationToken cancellationToken = default)
    {
        var totals = await db.Assignments.AsNoTracking().Where(a => a.RoundId == roundId && a.SubmissionId == submissionId && a.Review != null)
            .Select(a => a.Review!).Where(r => r.Status == ReviewStatus.Submitted && r.Total != null && r.ExcludedAt == null)
            .Select(r => r.Total!.Value).ToListAsync(cancellationToken);
        if (totals.Count < 2) return false;
        var settings = await results.SettingsAsync(roundId, cancellationToken);
        return Ranking.Disagree(totals.Select(t => (double)t).ToList(), settings.DisagreementThreshold);
    }

    public Task<Core.Judging.Discussion?> FindAsync(int roundId, int submissionId, CancellationToken cancellationToken = default) =>
        db.Discussions.AsNoTracking().SingleOrDefaultAsync(d => d.RoundId == roundId && d.SubmissionId == submissionId, cancellationToken);

    /// <summary>Whether the entry's thread is open and how many comments it has (for the score page and the round page).</summary>
    public async Task<(bool Open, int Comments)> SummaryAsync(int roundId, int submissionId, CancellationToken cancellationToken = default)
    {
        var found = await db.Discussions.AsNoTracking().Where(d => d.RoundId == roundId && d.SubmissionId == submissionId)
            .Select(d => new { Count = d.Comments.Count }).SingleOrDefaultAsync(cancellationToken);
        return found is not null ? (true, found.Count) : (await DisagreementAsync(roundId, submissionId, cancellationToken), 0);
    }

    /// <summary>Comment counts of the round's opened threads among <paramref name="submissionIds"/>.</summary>
    public async Task<IReadOnlyDictionary<int, int>> CountsAsync(int roundId, IReadOnlyCollection<int> submissionIds, CancellationToken cancellationToken = default) =>
        await db.Discussions.AsNoTracking().Where(d => d.RoundId == roundId && submissionIds.Contains(d.SubmissionId))
            .ToDictionaryAsync(d => d.SubmissionId, d => d.Comments.Count, cancellationToken);

    public async Task<ThreadView> ReadAsync(EntryReader reader, CancellationToken cancellationToken = default)
    {
        var (roundId, submissionId) = (reader.Round.Id, reader.Submission.Id);
        var discussion = await FindAsync(roundId, submissionId, cancellationToken);
        var comments = discussion is null ? [] : await db.DiscussionComments.AsNoTracking().Where(c => c.DiscussionId == discussion.Id)
            .OrderBy(c => c.Id).ToListAsync(cancellationToken);
        var judges = await JudgesAsync(roundId, submissionId, cancellationToken);
        var authorIds = comments.Select(c => c.AuthorUserId).Distinct().ToList();
        var names = reader.AsOrganizer
            ? await db.Users.AsNoTracking().Where(u => authorIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName ?? u.Email ?? u.Id, cancellationToken)
            : [];
        var title = await db.SubmissionVersions.AsNoTracking().Where(v => v.SubmissionId == submissionId && v.Number == reader.Submission.CurrentVersionNumber)
            .Select(v => v.Title).FirstOrDefaultAsync(cancellationToken) ?? "";
        var views = comments.Select(c => new CommentView(c.Id, Label(reader, c, judges, names), c.AuthorUserId == reader.UserId, c.PostedAt, c.Body)).ToList();
        return new ThreadView(reader, title, discussion, await DisagreementAsync(roundId, submissionId, cancellationToken), await states.PhaseAsync(reader.Round, cancellationToken), views);
    }

    /// <summary>The entry's judges in the round in assignment order: the order the letters A, B… follow.</summary>
    public Task<List<string>> JudgesAsync(int roundId, int submissionId, CancellationToken cancellationToken = default) =>
        db.Assignments.AsNoTracking().Where(a => a.RoundId == roundId && a.SubmissionId == submissionId).OrderBy(a => a.Id)
            .Select(a => a.JudgeUserId).ToListAsync(cancellationToken);

    private static AuthorLabel Label(EntryReader reader, DiscussionComment comment, List<string> judges, Dictionary<string, string> names)
    {
        var authorId = comment.AuthorUserId;
        if (reader.AsOrganizer) return comment.ByOrganizer ? new AuthorLabel("{0}（组委会）", names.GetValueOrDefault(authorId, ""))
            : new AuthorLabel("{0}（评委）", names.GetValueOrDefault(authorId, ""));
        if (comment.ByOrganizer) return new AuthorLabel("组委会");
        var judge = judges.IndexOf(authorId);
        if (authorId == reader.UserId) return new AuthorLabel("我（评委 {0}）", Letter(judge));
        // A judge no longer on the entry (an upheld conflict keeps the assignment; only a declared one releases it).
        return judge >= 0 ? new AuthorLabel("评委 {0}", Letter(judge)) : new AuthorLabel("另一位评委");
    }

    public static string Letter(int index) => index < 0 ? "" : index < 26 ? ((char)('A' + index)).ToString() : (index + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
