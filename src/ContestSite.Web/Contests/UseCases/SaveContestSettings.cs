using System.ComponentModel.DataAnnotations;
using ContestSite.Core.Contests;
using ContestSite.Core.Rules;
using ContestSite.Data;
using ContestSite.Web.Audit;
using ContestSite.Web.Seasons;
using Microsoft.EntityFrameworkCore;

namespace ContestSite.Web.Contests.UseCases;

/// <summary>Creates the current contest, or changes its name, dates and team sizes.</summary>
public sealed class SaveContestSettings(ContestDbContext db, CurrentContest current, IAuditLog audit)
{
    public async Task<ChangeResult> SaveAsync(ContestInput input, CancellationToken cancellationToken = default)
    {
        var contest = await current.FindAsync(cancellationToken);
        var isNew = contest is null;
        contest ??= new Contest { Name = "", IsCurrent = true };
        if (!input.TryApply(contest, out var timeError))
        {
            db.ChangeTracker.Clear();
            return ChangeResult.Refuse(timeError!);
        }
        var problems = ContestSchedule.Validate(contest);
        if (await db.Contests.AnyAsync(c => c.Year == contest.Year && c.Id != contest.Id, cancellationToken))
            problems = [.. problems, "该年份已有赛事"];
        var refusals = problems.Select(p => RuleResult.Refuse(p)).Concat(ContestSchedule.ValidateOrder(contest, contest.Rounds)).ToList();
        if (refusals.Count > 0)
        {
            db.ChangeTracker.Clear();
            return new ChangeResult(0, refusals);
        }
        if (isNew) db.Contests.Add(contest);
        await audit.AppendAsync(() => new AuditEvent("contest.settings-changed", $"contest:{contest.Id}", "ok",
            $"registration {ContestTime.Display(contest.RegistrationOpensAt)}–{ContestTime.Display(contest.RegistrationClosesAt)}; team {contest.MinTeamSize}–{contest.MaxTeamSize}; roster lock {ContestTime.Display(contest.RosterLocksAt)}; contributions {contest.AcceptsContributions}"),
            CancellationToken.None);
        return ChangeResult.Done(contest.Id);
    }
}

public sealed class ContestInput
{
    [Required(ErrorMessage = "赛事名称不能为空"), StringLength(200, ErrorMessage = "赛事名称不能超过 200 个字符")] public string Name { get; set; } = "";
    [Range(2000, 2100, ErrorMessage = "年份须在 2000 到 2100 之间")] public int Year { get; set; } = DateTime.UtcNow.Year;
    [StringLength(4000, ErrorMessage = "简介不能超过 4000 个字符")] public string? Description { get; set; }
    [Required(ErrorMessage = "请填写报名开始时间")] public string RegistrationOpensAt { get; set; } = "";
    [Required(ErrorMessage = "请填写报名截止时间")] public string RegistrationClosesAt { get; set; } = "";
    [Required(ErrorMessage = "请填写团队名单锁定时间")] public string RosterLocksAt { get; set; } = "";
    [Range(1, 50, ErrorMessage = "团队最少人数须在 1 到 50 之间")] public int MinTeamSize { get; set; } = 1;
    [Range(1, 50, ErrorMessage = "团队最多人数须在 1 到 50 之间")] public int MaxTeamSize { get; set; } = 5;
    /// <summary>On unless the form says off (the box is followed by a hidden "false" that an unticked box leaves alone).</summary>
    public bool AcceptsContributions { get; set; } = true;

    public static ContestInput From(Contest c) => new()
    {
        Name = c.Name, Year = c.Year, Description = c.Description,
        RegistrationOpensAt = ContestTime.ToInput(c.RegistrationOpensAt), RegistrationClosesAt = ContestTime.ToInput(c.RegistrationClosesAt),
        RosterLocksAt = ContestTime.ToInput(c.RosterLocksAt), MinTeamSize = c.MinTeamSize, MaxTeamSize = c.MaxTeamSize, AcceptsContributions = c.AcceptsContributions,
    };

    public bool TryApply(Contest contest, out string? error)
    {
        error = null;
        if (!ContestTime.TryParseInput(RegistrationOpensAt, out var opens) || !ContestTime.TryParseInput(RegistrationClosesAt, out var closes)
            || !ContestTime.TryParseInput(RosterLocksAt, out var locks))
        {
            error = ContestTime.FirstInputProblem(RegistrationOpensAt, RegistrationClosesAt, RosterLocksAt);
            return false;
        }
        contest.Name = Name.Trim();
        contest.Year = Year;
        contest.Description = string.IsNullOrWhiteSpace(Description) ? null : Description.Trim();
        (contest.RegistrationOpensAt, contest.RegistrationClosesAt, contest.RosterLocksAt) = (opens, closes, locks);
        (contest.MinTeamSize, contest.MaxTeamSize) = (MinTeamSize, MaxTeamSize);
        contest.AcceptsContributions = AcceptsContributions;
        return true;
    }
}
