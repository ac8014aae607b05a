using ContestSite.Core.Contests;

namespace ContestSite.Core.Teams;

/// <summary>What the contest asks of a team next, for its page: a Chinese message (localizer key) and its arguments.</summary>
public static class TeamProgress
{
    public static NextStep For(Team team, Contest contest, DateTimeOffset now) => team.Status switch
    {
        TeamStatus.Draft when team.Members.Count < contest.MinTeamSize =>
            new("邀请成员：至少需要 {0} 人才能提交审核，并在 {1} 前提交", contest.MinTeamSize, contest.RegistrationClosesAt),
        TeamStatus.Draft when contest.IsRegistrationOpen(now) => new("团队信息完整后，请在 {0} 前由队长提交审核", contest.RegistrationClosesAt),
        TeamStatus.Draft => new("报名已于 {0} 截止，团队未提交审核", contest.RegistrationClosesAt),
        TeamStatus.Submitted => new("团队已提交，请等待组委会审核"),
        TeamStatus.Rejected => new("团队未通过审核：请根据组委会意见修改后，在 {0} 前重新提交", contest.RegistrationClosesAt),
        TeamStatus.Approved => new("团队已通过审核，请关注各轮次的作品提交时间"),
        TeamStatus.Disqualified => new("团队已被组委会取消参赛资格"),
        _ => new("团队已退赛"),
    };
}

public sealed record NextStep(string Message, params object[] Arguments);
