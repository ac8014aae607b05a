using System.Text.Json;
using ContestSite.Core.Contests;
using ContestSite.Data;
using ContestSite.Web.Localization;
using Microsoft.EntityFrameworkCore;

namespace ContestSite.Web.Setup;

/// <summary>
/// <c>{"step":"contest","name":…,"year":2020,…,"tracks":[…],"rounds":[{…,"criteria":[…]}]}</c>: creates or
/// updates the contest of that year, its tracks (by name), rounds (by sequence) and rubric (by name).
/// </summary>
public sealed class ContestStep(ContestDbContext db, TimeProvider clock) : IRecipeStep
{
    public string Name => "contest";

    public async Task ExecuteAsync(JsonElement step, RecipeContext context, CancellationToken cancellationToken)
    {
        var year = RecipeJson.Year(step, "year", Name, context);
        var contest = await db.Contests.Include(c => c.Tracks).Include(c => c.Rounds).ThenInclude(r => r.Criteria).AsSplitQuery()
            .SingleOrDefaultAsync(c => c.Year == year, cancellationToken);
        if (contest is null)
        {
            contest = new Contest { Name = "", Year = year };
            db.Contests.Add(contest);
        }
        contest.Name = RecipeJson.RequiredString(step, "name", Name).Replace("{year}", year.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        contest.Description = RecipeJson.OptionalString(step, "description");
        contest.RegistrationOpensAt = RecipeJson.RequiredTime(step, "registrationOpensAt", Name, context);
        contest.RegistrationClosesAt = RecipeJson.RequiredTime(step, "registrationClosesAt", Name, context);
        contest.RosterLocksAt = RecipeJson.RequiredTime(step, "rosterLocksAt", Name, context);
        contest.MinTeamSize = RecipeJson.OptionalInt(step, "minTeamSize", 1);
        contest.MaxTeamSize = RecipeJson.OptionalInt(step, "maxTeamSize", 5);
        ThrowIfInvalid(ContestSchedule.Validate(contest));
        if (RecipeJson.OptionalBool(step, "current", true))
        {
            await db.Contests.Where(c => c.Year != year).ExecuteUpdateAsync(s => s.SetProperty(c => c.IsCurrent, false), cancellationToken);
            contest.IsCurrent = true;
        }

        var order = 0;
        foreach (var item in RecipeJson.Array(step, "tracks"))
        {
            var name = RecipeJson.RequiredString(item, "name", Name);
            var track = contest.Tracks.FirstOrDefault(t => t.Name == name);
            if (track is null) contest.Tracks.Add(track = new Track { Name = name });
            track.Description = RecipeJson.OptionalString(item, "description");
            track.SortOrder = order++;
        }

        foreach (var item in RecipeJson.Array(step, "rounds"))
        {
            var sequence = RecipeJson.OptionalInt(item, "sequence", 0);
            var round = contest.Rounds.FirstOrDefault(r => r.Sequence == sequence);
            if (round is null) contest.Rounds.Add(round = new Round { Name = "", Sequence = sequence });
            round.Name = RecipeJson.RequiredString(item, "name", Name);
            round.SubmissionOpensAt = RecipeJson.RequiredTime(item, "submissionOpensAt", Name, context);
            round.SubmissionClosesAt = RecipeJson.RequiredTime(item, "submissionClosesAt", Name, context);
            round.ReviewOpensAt = RecipeJson.RequiredTime(item, "reviewOpensAt", Name, context);
            round.ReviewClosesAt = RecipeJson.RequiredTime(item, "reviewClosesAt", Name, context);
            round.JudgesPerEntry = RecipeJson.OptionalInt(item, "judgesPerEntry", 3);
            round.AdvanceCount = item.TryGetProperty("advanceCount", out var advance) && advance.ValueKind == JsonValueKind.Number ? advance.GetInt32() : null;
            round.BlindReview = RecipeJson.OptionalBool(item, "blindReview");
            ThrowIfInvalid(ContestSchedule.Validate(round));

            // A recipe run again on a live site obeys the rubric lock as the organizer's form does.
            var use = round.Id == 0 ? null : await RubricUse.ReadAsync(db, round.Id, cancellationToken);
            var criterionOrder = 0;
            foreach (var c in RecipeJson.Array(item, "criteria"))
            {
                var criterionName = RecipeJson.RequiredString(c, "name", Name);
                var criterion = round.Criteria.FirstOrDefault(x => x.Name == criterionName);
                var weight = RecipeJson.RequiredDecimal(c, "weight", Name);
                var maxScore = c.TryGetProperty("maxScore", out var max) && max.ValueKind == JsonValueKind.Number ? max.GetDecimal() : 10;
                var wholeNumbersOnly = RecipeJson.OptionalBool(c, "wholeNumbersOnly", true);
                if (use is not null && (criterion is null || RubricLock.ChangesScoring(criterion, weight, maxScore, wholeNumbersOnly))
                    && use.CanChangeScoring(round, clock.GetUtcNow()) is { Allowed: false } locked)
                    throw new RecipeStepException($"轮次“{round.Name}”的评分项“{criterionName}”：" + RuleText.Format(locked));
                if (criterion is null) round.Criteria.Add(criterion = new RubricCriterion { Name = criterionName });
                criterion.Description = RecipeJson.OptionalString(c, "description");
                criterion.Guidance = RecipeJson.OptionalString(c, "guidance");
                criterion.Weight = weight;
                criterion.MaxScore = maxScore;
                criterion.WholeNumbersOnly = wholeNumbersOnly;
                criterion.SortOrder = criterionOrder++;
                ThrowIfInvalid(ContestSchedule.Validate(criterion));
            }
        }
        ThrowIfInvalid([.. ContestSchedule.ValidateOrder(contest, contest.Rounds).Select(r => r.ChineseText!)]);
        context.Messages.Add($"赛事 {contest.Name}：{contest.Tracks.Count} 个赛道，{contest.Rounds.Count} 个轮次");
    }

    private static void ThrowIfInvalid(IReadOnlyList<string> errors)
    {
        if (errors.Count > 0) throw new RecipeStepException(string.Join("；", errors));
    }
}
