using ContestSite.Core.Contests;
using ContestSite.Core.Rules;

namespace ContestSite.Core.Teams;

/// <summary>
/// Who may do what to a team, and when. Each rule is a pure function of the team (with its members),
/// the contest settings, the person and the server time, and says why when it refuses.
/// </summary>
public static class TeamRules
{
    public static RuleResult CanCreate(Contest contest, bool personHasTeam, DateTimeOffset now)
    {
        if (!contest.IsRegistrationOpen(now))
            return RuleResult.Refuse("当前不在报名时间内：报名时间为 {0} 至 {1}", contest.RegistrationOpensAt, contest.RegistrationClosesAt);
        if (personHasTeam) return AlreadyInATeam;
        return RuleResult.Ok;
    }

    public static RuleResult CanJoin(Team team, Contest contest, bool personHasTeam, DateTimeOffset now)
    {
        if (personHasTeam) return AlreadyInATeam;
        if (!team.IsActive) return RuleResult.Refuse("该团队已退赛或被取消资格，不能加入");
        if (contest.IsRosterLocked(now)) return RosterLocked(contest);
        if (team.Members.Count >= contest.MaxTeamSize) return RuleResult.Refuse("团队已满：每队最多 {0} 人", contest.MaxTeamSize);
        return RuleResult.Ok;
    }

    /// <summary>A code someone typed or followed: made up, revoked and expired codes each get their own message.</summary>
    public static RuleResult CheckInviteCode(Team? team, DateTimeOffset now)
    {
        if (team is null) return RuleResult.Refuse("邀请码无效，请向队长核对邀请码");
        if (team.InviteCodeRevokedAt is not null) return RuleResult.Refuse("该邀请码已被队长停用，请向队长索取新的邀请码");
        if (team.InviteCodeExpiresAt is { } expires && expires <= now)
            return RuleResult.Refuse("该邀请码已于 {0} 过期，请向队长索取新的邀请码", expires);
        return RuleResult.Ok;
    }

    public static RuleResult CanRequestToJoin(Team team, Contest contest, bool personHasTeam, bool hasPendingRequest, DateTimeOffset now)
    {
        if (hasPendingRequest) return RuleResult.Refuse("您已申请加入该团队，请等待队长答复");
        return CanJoin(team, contest, personHasTeam, now);
    }

    public static RuleResult CanLeave(Team team, Contest contest, string userId, DateTimeOffset now)
    {
        if (team.MemberFor(userId) is null) return NotAMember;
        if (!team.IsActive) return Inactive;
        if (team.IsCaptain(userId))
            return team.Members.Count == 1
                ? RuleResult.Refuse("您是团队唯一的成员，不能退出；如不再参赛，请使用“退赛”")
                : RuleResult.Refuse("队长不能直接退出团队，请先把队长移交给其他成员");
        if (contest.IsRosterLocked(now)) return RosterLocked(contest);
        return RuleResult.Ok;
    }

    public static RuleResult CanRemove(Team team, Contest contest, string captainId, string memberUserId, DateTimeOffset now)
    {
        var captainOnly = CaptainOfActiveTeam(team, captainId);
        if (!captainOnly.Allowed) return captainOnly;
        if (team.MemberFor(memberUserId) is null) return RuleResult.Refuse("该成员不在团队中");
        if (team.Members.Count == 1) return RuleResult.Refuse("不能移除团队的最后一名成员；如不再参赛，请使用“退赛”");
        if (memberUserId == captainId) return RuleResult.Refuse("队长不能移除自己，请先把队长移交给其他成员");
        if (contest.IsRosterLocked(now)) return RosterLocked(contest);
        return RuleResult.Ok;
    }

    public static RuleResult CanHandOver(Team team, string captainId, string newCaptainUserId)
    {
        var captainOnly = CaptainOfActiveTeam(team, captainId);
        if (!captainOnly.Allowed) return captainOnly;
        if (newCaptainUserId == captainId) return RuleResult.Refuse("您已经是队长");
        if (team.MemberFor(newCaptainUserId) is null) return RuleResult.Refuse("该成员不在团队中");
        return RuleResult.Ok;
    }

    public static RuleResult CanEdit(Team team, Contest contest, string userId, DateTimeOffset now)
    {
        var captainOnly = CaptainOfActiveTeam(team, userId);
        if (!captainOnly.Allowed) return captainOnly;
        if (team.Status == TeamStatus.Approved) return RuleResult.Refuse("团队已通过审核，如需修改信息请联系组委会");
        if (contest.IsRosterLocked(now)) return RosterLocked(contest);
        return RuleResult.Ok;
    }

    /// <summary>Invite codes are handed out only while people can still join.</summary>
    public static RuleResult CanManageInvites(Team team, Contest contest, string userId, DateTimeOffset now)
    {
        var captainOnly = CaptainOfActiveTeam(team, userId);
        if (!captainOnly.Allowed) return captainOnly;
        if (contest.IsRosterLocked(now)) return RosterLocked(contest);
        return RuleResult.Ok;
    }

    public static RuleResult CanSubmit(Team team, Contest contest, string userId, DateTimeOffset now)
    {
        var captainOnly = CaptainOfActiveTeam(team, userId);
        if (!captainOnly.Allowed) return captainOnly;
        if (team.Status is not (TeamStatus.Draft or TeamStatus.Rejected)) return RuleResult.Refuse("团队已提交审核，无需重复提交");
        if (!contest.IsRegistrationOpen(now))
            return RuleResult.Refuse("当前不在报名时间内：报名时间为 {0} 至 {1}", contest.RegistrationOpensAt, contest.RegistrationClosesAt);
        if (team.Members.Count < contest.MinTeamSize)
            return RuleResult.Refuse("团队至少需要 {0} 名成员才能提交审核，目前有 {1} 名", contest.MinTeamSize, team.Members.Count);
        if (team.Members.Count > contest.MaxTeamSize)
            return RuleResult.Refuse("团队最多 {0} 名成员，目前有 {1} 名", contest.MaxTeamSize, team.Members.Count);
        return RuleResult.Ok;
    }

    public static RuleResult CanWithdraw(Team team, string userId) => CaptainOfActiveTeam(team, userId);

    public static RuleResult CanDecide(Team team) =>
        team.Status == TeamStatus.Submitted ? RuleResult.Ok : RuleResult.Refuse("只有待审核的团队可以审核");

    public static RuleResult CanDisqualify(Team team) =>
        team.IsActive ? RuleResult.Ok : RuleResult.Refuse("该团队已退赛或已被取消资格");

    public static RuleResult CanRestore(Team team) =>
        team.Status == TeamStatus.Disqualified ? RuleResult.Ok : RuleResult.Refuse("只有被取消资格的团队可以恢复");

    /// <summary>Organizers move people between teams even after the roster lock; the size limit and the captain still hold.</summary>
    public static RuleResult CanMoveMember(Team from, Team to, Contest contest, string memberUserId)
    {
        var member = from.MemberFor(memberUserId);
        if (member is null) return RuleResult.Refuse("该成员不在团队中");
        if (from.Id == to.Id) return RuleResult.Refuse("请选择另一个团队");
        if (to.ContestId != from.ContestId) return RuleResult.Refuse("只能在同一届赛事的团队之间调整");
        if (member.Role == TeamRole.Captain) return RuleResult.Refuse("该成员是队长，请先移交队长再调整");
        if (!to.IsActive) return RuleResult.Refuse("目标团队已退赛或被取消资格");
        if (to.Members.Count >= contest.MaxTeamSize) return RuleResult.Refuse("目标团队已满：每队最多 {0} 人", contest.MaxTeamSize);
        return RuleResult.Ok;
    }

    private static RuleResult CaptainOfActiveTeam(Team team, string userId)
    {
        if (team.MemberFor(userId) is null) return NotAMember;
        if (!team.IsCaptain(userId)) return RuleResult.Refuse("只有队长可以进行此操作");
        if (!team.IsActive) return Inactive;
        return RuleResult.Ok;
    }

    private static RuleResult RosterLocked(Contest contest) =>
        RuleResult.Refuse("团队名单已于 {0} 锁定，如需调整请联系组委会", contest.RosterLocksAt);

    private static readonly RuleResult AlreadyInATeam = RuleResult.Refuse("您已加入本届赛事的一个团队，每人只能参加一个团队");
    private static readonly RuleResult NotAMember = RuleResult.Refuse("您不是该团队的成员");
    private static readonly RuleResult Inactive = RuleResult.Refuse("团队已退赛或被取消资格，不能再修改");
}
