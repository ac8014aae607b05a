using ContestSite.Core.Contests;
using ContestSite.Core.Judging;
using ContestSite.Core.Rules;
using ContestSite.Core.Submissions;
using ContestSite.Data;
using ContestSite.Web.Audit;
using ContestSite.Web.Email;
using Microsoft.EntityFrameworkCore;

namespace ContestSite.Web.Judging.UseCases;

/// <summary>
/// Awards per track: organizers give them to finalised entries of a round while they are unpublished, then
/// publish them all at once with the results; each team's members are emailed in their own language.
/// </summary>
public sealed class ManageAwards(ContestDbContext db, EmailOutbox outbox, EmailTemplates templates, IAuditLog audit, TimeProvider clock)
{
    public static string LevelName(AwardLevel level) => level switch
    {
        AwardLevel.First => "一等奖",
        AwardLevel.Second => "二等奖",
        AwardLevel.Third => "三等奖",
        AwardLevel.Excellence => "优秀奖",
        _ => "特别奖",
    };

    public async Task<RuleResult> AddAsync(Contest contest, Round round, int submissionId, AwardLevel level, string? specialName, CancellationToken cancellationToken = default)
    {
        if (!Enum.IsDefined(level)) return RuleResult.Refuse("请选择奖项");
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

    public async Task<RuleResult> RemoveAsync(Round round, int awardId, CancellationToken cancellationToken = default)
    {
        var award = await db.Awards.SingleOrDefaultAsync(a => a.Id == awardId && a.RoundId == round.Id, cancellationToken);
        if (award is null) return RuleResult.Refuse("奖项不存在");
        if (award.PublishedAt is not null) return RuleResult.Refuse("奖项已发布，不能撤销");
        db.Awards.Remove(award);
        await audit.AppendAsync(() => new AuditEvent("judging.award-removed", $"submission:{award.SubmissionId}", "ok", $"round={round.Id}; award={award.Name}") { TeamId = award.TeamId }, cancellationToken);
        return RuleResult.Ok;
    }

    public async Task<(RuleResult Result, int Published)> PublishAsync(Round round, CancellationToken cancellationToken = default)
    {
        var awards = await db.Awards.Where(a => a.RoundId == round.Id && a.PublishedAt == null).ToListAsync(cancellationToken);
        if (awards.Count == 0) return (RuleResult.Refuse("没有待发布的奖项"), 0);
        var now = clock.GetUtcNow();
        foreach (var award in awards) award.PublishedAt = now;
        await EnqueueMailAsync(awards, cancellationToken);
        await db.InTransactionAsync(async () =>
        {
            foreach (var award in awards)
                await audit.AppendAsync(new AuditEvent("judging.award-published", $"submission:{award.SubmissionId}", "ok", $"award={award.Name}") { TeamId = award.TeamId }, cancellationToken);
        }, cancellationToken);
        return (RuleResult.Ok, awards.Count);
    }

    private async Task EnqueueMailAsync(IReadOnlyList<Award> awards, CancellationToken cancellationToken)
    {
        var teamIds = awards.Select(a => a.TeamId).Distinct().ToList();
        var teams = await db.Teams.AsNoTracking().Where(t => teamIds.Contains(t.Id))
            .Select(t => new { t.Id, t.Name, Members = t.Members.Select(m => m.UserId).ToList() }).ToListAsync(cancellationToken);
        var userIds = teams.SelectMany(t => t.Members).Distinct().ToList();
        var people = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id) && u.Email != null)
            .ToDictionaryAsync(u => u.Id, u => (Email: u.Email!, u.DisplayName, u.PreferredCulture), cancellationToken);
        foreach (var team in teams)
        {
            var names = string.Join("、", awards.Where(a => a.TeamId == team.Id).Select(a => a.Name));
            foreach (var member in team.Members.Where(people.ContainsKey))
            {
                var person = people[member];
                outbox.Enqueue(templates.Build(person.PreferredCulture, person.Email, person.DisplayName, "团队“{0}”获奖通知",
                    [("恭喜！您所在的团队“{0}”获得：{1}。", [team.Name, names]), ("获奖名单已在大赛网站公布。", [])], null, team.Name));
            }
        }
    }
}
