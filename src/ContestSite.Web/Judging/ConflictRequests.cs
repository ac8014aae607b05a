using ContestSite.Core.Judging;
using ContestSite.Data;
using Microsoft.EntityFrameworkCore;

namespace ContestSite.Web.Judging;

/// <summary>A judge's conflict request on an entry they scored, as organizers decide it: who, which entry, why, and the score.</summary>
public sealed record ConflictRequest(
    int Id, string JudgeName, string JudgeEmail, int SubmissionId, string Title, string? Reason, DateTimeOffset DeclaredAt,
    ReviewStatus? ReviewStatus, decimal? Total, IReadOnlyList<(string Criterion, decimal Value)> Scores);

/// <summary>The organizers' to-do of conflict requests (<see cref="ConflictStatus.Requested"/>), oldest first.</summary>
public sealed class ConflictRequests(ContestDbContext db)
{
    public const int PageSize = 50;

    public Task<int> CountAsync(CancellationToken cancellationToken = default) =>
        db.ConflictDeclarations.CountAsync(c => c.Status == ConflictStatus.Requested, cancellationToken);

    public async Task<IReadOnlyList<ConflictRequest>> PendingAsync(CancellationToken cancellationToken = default)
    {
        var rows = await db.ConflictDeclarations.AsNoTracking().Where(c => c.Status == ConflictStatus.Requested)
            .OrderBy(c => c.Id).Take(PageSize)
            .Join(db.Users, c => c.JudgeUserId, u => u.Id, (c, u) => new
            {
                c.Id, u.DisplayName, u.Email, c.SubmissionId, c.Reason, c.DeclaredAt, c.JudgeUserId,
                Title = db.Submissions.Where(s => s.Id == c.SubmissionId)
                    .SelectMany(s => s.Versions.Where(v => v.Number == s.CurrentVersionNumber)).Select(v => v.Title).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        var judges = rows.Select(r => r.JudgeUserId).Distinct().ToList();
        var entries = rows.Select(r => r.SubmissionId).Distinct().ToList();
        var reviews = await db.Assignments.AsNoTracking().Where(a => judges.Contains(a.JudgeUserId) && entries.Contains(a.SubmissionId) && a.Review != null)
            .Select(a => new { a.JudgeUserId, a.SubmissionId, a.Review!.Status, a.Review.Total, a.Review.Scores })
            .ToListAsync(cancellationToken);
        var criterionIds = reviews.SelectMany(r => r.Scores).Select(s => s.CriterionId).Distinct().ToList();
        var criteria = await db.RubricCriteria.AsNoTracking().Where(c => criterionIds.Contains(c.Id))
            .ToDictionaryAsync(c => c.Id, c => (c.Name, c.SortOrder), cancellationToken);
        return rows.Select(r =>
        {
            var review = reviews.FirstOrDefault(v => v.JudgeUserId == r.JudgeUserId && v.SubmissionId == r.SubmissionId);
            var scores = review?.Scores.OrderBy(s => criteria.GetValueOrDefault(s.CriterionId).SortOrder)
                .Select(s => (criteria.GetValueOrDefault(s.CriterionId).Name ?? "", s.Value)).ToList() ?? [];
            return new ConflictRequest(r.Id, r.DisplayName, r.Email ?? "", r.SubmissionId, r.Title ?? "", r.Reason, r.DeclaredAt, review?.Status, review?.Total, scores);
        }).ToList();
    }
}
