using ContestSite.Core.Contests;
using ContestSite.Core.Rules;
using ContestSite.Core.Teams;

namespace ContestSite.Core.Submissions;

/// <summary>
/// Who may change an entry, and when. The deadline is the round's close by server time; an upload begun
/// before it may still finish, and be saved, within the grace period. <c>teamMayEnterRound</c> is whether the
/// team is in the contest's first round or was advanced into this one; a team not advanced is refused every
/// entry action, whatever the dates or an organizer's reopening say.
/// </summary>
public static class SubmissionRules
{
    public static RuleResult CanEdit(Team team, Round round, bool teamMayEnterRound, Submission? submission, string userId, DateTimeOffset now,
        TimeSpan grace, bool savesUploadStartedBeforeDeadline)
    {
        var membership = CanTakePart(team, round, teamMayEnterRound, userId);
        if (!membership.Allowed) return membership;
        if (now < round.SubmissionOpensAt) return RuleResult.Refuse("{0}的作品提交从 {1} 开始", round.Name, round.SubmissionOpensAt);
        if (now >= round.SubmissionClosesAt && !(savesUploadStartedBeforeDeadline && now < round.SubmissionClosesAt + grace))
            return Closed(round);
        if (submission?.IsFinalised == true) return RuleResult.Refuse("作品已定稿，不能再修改；如需修改请联系组委会重新开放");
        return RuleResult.Ok;
    }

    /// <summary>Uploads can start only while the window is open; finishing one is allowed into the grace period.</summary>
    public static RuleResult CanStartUpload(Team team, Round round, bool teamMayEnterRound, Submission? submission, string userId, DateTimeOffset now) =>
        CanEdit(team, round, teamMayEnterRound, submission, userId, now, TimeSpan.Zero, savesUploadStartedBeforeDeadline: false);

    public static RuleResult CanFinishUpload(Round round, bool teamMayEnterRound, DateTimeOffset uploadStartedAt, DateTimeOffset now, TimeSpan grace)
    {
        if (!teamMayEnterRound) return NotAdvanced(round);
        if (uploadStartedAt >= round.SubmissionClosesAt || now >= round.SubmissionClosesAt + grace) return Closed(round);
        return RuleResult.Ok;
    }

    public static RuleResult CanFinalise(Team team, Round round, bool teamMayEnterRound, Submission? submission, string userId, DateTimeOffset now)
    {
        var membership = CanTakePart(team, round, teamMayEnterRound, userId);
        if (!membership.Allowed) return membership;
        if (!team.IsCaptain(userId)) return RuleResult.Refuse("只有队长可以定稿");
        if (submission is null || submission.CurrentVersionNumber == 0) return RuleResult.Refuse("请先保存作品再定稿");
        if (submission.IsFinalised) return RuleResult.Refuse("作品已经定稿");
        if (now >= round.SubmissionClosesAt) return Closed(round);
        if (now < round.SubmissionOpensAt) return RuleResult.Refuse("{0}的作品提交从 {1} 开始", round.Name, round.SubmissionOpensAt);
        return RuleResult.Ok;
    }

    public static RuleResult CanReopen(Submission submission) =>
        submission.IsFinalised ? RuleResult.Ok : RuleResult.Refuse("作品未定稿，无需重新开放");

    private static RuleResult CanTakePart(Team team, Round round, bool teamMayEnterRound, string userId)
    {
        if (team.MemberFor(userId) is null) return RuleResult.Refuse("只有本队成员可以编辑作品");
        if (team.Status != TeamStatus.Approved) return RuleResult.Refuse("团队通过审核后才能提交作品");
        if (!teamMayEnterRound) return NotAdvanced(round);
        return RuleResult.Ok;
    }

    private static RuleResult NotAdvanced(Round round) => RuleResult.Refuse("您的团队未晋级{0}，不能提交作品", round.Name);

    private static RuleResult Closed(Round round) =>
        RuleResult.Refuse("提交已截止：{0}的截止时间为 {1}", round.Name, round.SubmissionClosesAt);
}
