using ContestSite.Core.Contests;
using ContestSite.Core.Judging;
using ContestSite.Core.Rules;
using ContestSite.Core.Submissions;
using ContestSite.Data;
using ContestSite.Web.Audit;
using Microsoft.EntityFrameworkCore;

namespace ContestSite.Web.Judging.UseCases;

/// <summary>
/// Awards per track: organizers give them to finalised entries of a round and take them back until the round's
/// results are final; they become public with the results (<see cref="PublishResults"/>), and a change during
/// 公示 becomes public with the correction.
/// </summary>
public sealed class ManageAwards(ContestDbContext db, RoundStates states, IAuditLog audit, TimeProvider clock)
{
    public static string LevelName(AwardLevel level) => AwardLevelNames.Of(level);

    public Task<RuleResult> AddAsync(Contest contest, Round round, int submissionId, AwardLevel level, string? specialName, CancellationToken cancellationToken = default) =>
        db.InTransactionAsync(() => AddLockedAsync(contest, round, submissionId, level, specialName, cancellationToken), cancellationToken);

    public Task<RuleResult> RemoveAsync(Round round, int awardId, CancellationToken cancellationToken = default) =>
        db.InTransactionAsync(() => RemoveLockedAsync(round, awardId, cancellationToken), cancellationToken);

    private async Task<RuleResult> AddLockedAsync(Contest contest, Round round, int submissionId, AwardLevel level, string? specialName, CancellationToken cancellationToken)
    {
        if (!Enum.IsDefined(level)) return RuleResult.Refuse("请选择奖项");
        if (await FinalAsync(round, cancellationToken) is { } final) return final;
        var name = level == AwardLevel.Special ? specialName?.Trim() : LevelName(level);
        if (string.IsNullOrEmpty(name)) return RuleResult.Refuse("请填写特别奖的名称");
        if (name.Length > 100) return RuleResult.Refuse("奖项名称最多 100 个字");
        var submission = await db.Submissions.AsNoTracking()
            .SingleOrDefaultAsync(s => s.Id == submissionId && s.RoundId == round.Id && s.Status == SubmissionStatus.Finalised, cancellationToken);
        if (submission is null) return RuleResult.Refuse("作品 {0} 不是本轮已定稿的作品", submissionId);
        if (await db.Awards.AnyAsync(a => a.RoundId == round.Id && a.SubmissionId == submissionId && a.Name == name, cancellationToken))
            return RuleResult.Refuse("这件作品已获得“{0}”", name);
        var award = new Award
        {
            ContestId = contest.Id, RoundId = round.Id, TrackId = level == AwardLevel.Special ? null : submission.TrackId,
            SubmissionId = submissionId, TeamId = submission.TeamId, Level = level, Name = name, CreatedAt = clock.GetUtcNow(),
        };
        db.Awards.Add(award);
        await audit.AppendAsync(() => new AuditEvent("judging.award-given", $"submission:{submissionId}", "ok", $"round={round.Id}; award={name}") { TeamId = submission.TeamId }, cancellationToken);
        return RuleResult.Ok;
    }

    private async Task<RuleResult> RemoveLockedAsync(Round round, int awardId, CancellationToken cancellationToken)
    {
        var award = await db.Awards.SingleOrDefaultAsync(a => a.Id == awardId && a.RoundId == round.Id, cancellationToken);
        if (award is null) return RuleResult.Refuse("奖项不存在");
        if (await FinalAsync(round, cancellationToken) is { } final) return final;
        db.Awards.Remove(award);
        await audit.AppendAsync(() => new AuditEvent("judging.award-removed", $"submission:{award.SubmissionId}", "ok", $"round={round.Id}; award={award.Name}") { TeamId = award.TeamId }, cancellationToken);
        return RuleResult.Ok;
    }

    /// <summary>Under the round's lock, so an award cannot slip in while the results become final.</summary>
    private async Task<RuleResult?> FinalAsync(Round round, CancellationToken cancellationToken) =>
        (await states.LockAsync(round.Id, cancellationToken)).Current?.Status == ResultsStatus.Final ? RuleResult.Refuse("本轮结果已确定，不能再更改") : null;
}
