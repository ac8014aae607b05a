using ContestSite.Core.Contests;
using ContestSite.Core.Rules;
using ContestSite.Data;
using ContestSite.Web.Audit;
using Microsoft.EntityFrameworkCore;

namespace ContestSite.Web.Contests.UseCases;

/// <summary>Adds a criterion to a round's rubric, or changes one.</summary>
public sealed class SaveCriterion(ContestDbContext db, IAuditLog audit, TimeProvider clock)
{
    /// <summary>Null when there is no such round or criterion.</summary>
    public async Task<ChangeResult?> SaveAsync(int roundId, CriterionInput input, CancellationToken cancellationToken = default)
    {
        var round = await db.Rounds.Include(r => r.Criteria).SingleOrDefaultAsync(r => r.Id == roundId, cancellationToken);
        if (round is null) return null;
        var target = input.Id is null ? new RubricCriterion { Name = "" } : round.Criteria.FirstOrDefault(c => c.Id == input.Id);
        if (target is null) return null;
        var use = await RubricUse.ReadAsync(db, roundId, cancellationToken);
        var weight = input.Weight ?? 0;
        var maxScore = input.MaxScore ?? 0;
        var lockRule = input.Id is null || RubricLock.ChangesScoring(target, weight, maxScore, input.WholeNumbersOnly)
            ? use.CanChangeScoring(round, clock.GetUtcNow())
            : RubricLock.CanChangeWording(use.ResultsPublished);
        if (!lockRule.Allowed) return ChangeResult.Refuse(lockRule);
        target.Name = input.Name?.Trim() ?? "";
        target.Description = input.Description?.Trim();
        target.Guidance = input.Guidance?.Trim();
        target.Weight = weight;
        target.MaxScore = maxScore;
        target.WholeNumbersOnly = input.WholeNumbersOnly;
        var problems = ContestSchedule.Validate(target).ToList();
        if (round.Criteria.Any(c => c.Name == target.Name && c.Id != target.Id)) problems.Add("已有同名评分项");
        if (problems.Count > 0)
        {
            db.ChangeTracker.Clear();
            return ChangeResult.Refuse(problems);
        }
        if (input.Id is null)
        {
            target.SortOrder = round.Criteria.Count;
            round.Criteria.Add(target);
        }
        await audit.AppendAsync(() => new AuditEvent("contest.rubric-saved", $"round:{round.Id}", "ok", $"{target.Name} weight {target.Weight} max {target.MaxScore}"),
            CancellationToken.None);
        return ChangeResult.Done(target.Id);
    }
}

public sealed class CriterionInput
{
    public int? Id { get; set; }
    public string? Name { get; set; }
    public string? Description { get; set; }
    public string? Guidance { get; set; }
    public decimal? Weight { get; set; }
    public decimal? MaxScore { get; set; }
    public bool WholeNumbersOnly { get; set; }
}
