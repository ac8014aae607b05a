using ContestSite.Core.Contests;
using ContestSite.Core.Teams;

namespace ContestSite.Core.Tests.Teams;

public sealed class TeamRulesTests
{
    private static readonly TimeSpan China = TimeSpan.FromHours(8);
    private static readonly DateTimeOffset DuringRegistration = new(2020, 9, 1, 10, 0, 0, China);
    private static readonly DateTimeOffset AfterRegistration = new(2020, 10, 1, 10, 0, 0, China);
    private static readonly DateTimeOffset AfterRosterLock = new(2020, 10, 16, 10, 0, 0, China);

    private static Contest Contest(int min = 1, int max = 3) => new()
    {
        Id = 1, Name = "2020 大赛", Year = 2020, MinTeamSize = min, MaxTeamSize = max,
        RegistrationOpensAt = new DateTimeOffset(2020, 8, 1, 0, 0, 0, China),
        RegistrationClosesAt = new DateTimeOffset(2020, 9, 30, 18, 0, 0, China),
        RosterLocksAt = new DateTimeOffset(2020, 10, 15, 18, 0, 0, China),
    };

    private static Team TeamOf(int members, TeamStatus status = TeamStatus.Draft)
    {
        var team = new Team { Id = 7, ContestId = 1, Name = "数据先锋", NameKey = "数据先锋", OrganizationName = "浙江大学", Status = status };
        for (var i = 0; i < members; i++)
            team.Members.Add(new TeamMember { UserId = $"u{i}", RealName = $"成员{i}", Phone = "13800001111", Organization = "浙江大学", Role = i == 0 ? TeamRole.Captain : TeamRole.Member });
        return team;
    }

    [Fact]
    public void A_team_is_created_only_inside_the_registration_window()
    {
        Assert.True(TeamRules.CanCreate(Contest(), personHasTeam: false, DuringRegistration).Allowed);
        var refused = TeamRules.CanCreate(Contest(), personHasTeam: false, AfterRegistration);
        Assert.False(refused.Allowed);
        Assert.StartsWith("当前不在报名时间内", refused.Message);
    }

    [Fact]
    public void A_person_already_in_a_team_cannot_create_or_join_another()
    {
        Assert.Equal("您已加入本届赛事的一个团队，每人只能参加一个团队", TeamRules.CanCreate(Contest(), true, DuringRegistration).Message);
        Assert.Equal("您已加入本届赛事的一个团队，每人只能参加一个团队", TeamRules.CanJoin(TeamOf(1), Contest(), true, DuringRegistration).Message);
    }

    [Fact]
    public void A_full_team_takes_nobody_else()
    {
        var refused = TeamRules.CanJoin(TeamOf(3), Contest(max: 3), false, DuringRegistration);
        Assert.Equal("团队已满：每队最多 {0} 人", refused.Message);
        Assert.Equal(3, refused.Arguments[0]);
        Assert.True(TeamRules.CanJoin(TeamOf(2), Contest(max: 3), false, DuringRegistration).Allowed);
    }

    [Fact]
    public void After_the_roster_lock_nobody_joins_or_leaves_but_before_it_people_may_join_after_registration_closed()
    {
        Assert.True(TeamRules.CanJoin(TeamOf(1), Contest(), false, AfterRegistration).Allowed);
        Assert.StartsWith("团队名单已于", TeamRules.CanJoin(TeamOf(1), Contest(), false, AfterRosterLock).Message);
        Assert.StartsWith("团队名单已于", TeamRules.CanLeave(TeamOf(2), Contest(), "u1", AfterRosterLock).Message);
    }

    [Theory]
    [InlineData(TeamStatus.Withdrawn)]
    [InlineData(TeamStatus.Disqualified)]
    public void Withdrawn_and_disqualified_teams_take_no_members(TeamStatus status) =>
        Assert.Equal("该团队已退赛或被取消资格，不能加入", TeamRules.CanJoin(TeamOf(1, status), Contest(), false, DuringRegistration).Message);

    [Fact]
    public void Invite_codes_that_are_made_up_revoked_or_expired_each_say_so()
    {
        var team = TeamOf(1);
        team.InviteCodeExpiresAt = DuringRegistration.AddDays(1);
        Assert.True(TeamRules.CheckInviteCode(team, DuringRegistration).Allowed);
        Assert.StartsWith("邀请码无效", TeamRules.CheckInviteCode(null, DuringRegistration).Message);
        Assert.StartsWith("该邀请码已于", TeamRules.CheckInviteCode(team, DuringRegistration.AddDays(2)).Message);
        team.InviteCodeRevokedAt = DuringRegistration;
        Assert.StartsWith("该邀请码已被队长停用", TeamRules.CheckInviteCode(team, DuringRegistration).Message);
    }

    [Fact]
    public void The_captain_hands_over_before_leaving_and_a_lone_captain_withdraws_instead()
    {
        Assert.Equal("队长不能直接退出团队，请先把队长移交给其他成员", TeamRules.CanLeave(TeamOf(2), Contest(), "u0", DuringRegistration).Message);
        Assert.StartsWith("您是团队唯一的成员", TeamRules.CanLeave(TeamOf(1), Contest(), "u0", DuringRegistration).Message);
        Assert.True(TeamRules.CanLeave(TeamOf(2), Contest(), "u1", DuringRegistration).Allowed);
    }

    [Fact]
    public void The_last_member_cannot_be_removed_and_only_the_captain_removes()
    {
        Assert.StartsWith("不能移除团队的最后一名成员", TeamRules.CanRemove(TeamOf(1), Contest(), "u0", "u0", DuringRegistration).Message);
        Assert.Equal("只有队长可以进行此操作", TeamRules.CanRemove(TeamOf(3), Contest(), "u1", "u2", DuringRegistration).Message);
        Assert.True(TeamRules.CanRemove(TeamOf(3), Contest(), "u0", "u2", DuringRegistration).Allowed);
    }

    [Fact]
    public void A_team_is_submitted_by_its_captain_with_at_least_the_minimum_number_of_members()
    {
        var refused = TeamRules.CanSubmit(TeamOf(1), Contest(min: 2), "u0", DuringRegistration);
        Assert.Equal("团队至少需要 {0} 名成员才能提交审核，目前有 {1} 名", refused.Message);
        Assert.True(TeamRules.CanSubmit(TeamOf(2), Contest(min: 2), "u0", DuringRegistration).Allowed);
        Assert.Equal("只有队长可以进行此操作", TeamRules.CanSubmit(TeamOf(2), Contest(min: 2), "u1", DuringRegistration).Message);
        Assert.Equal("团队已提交审核，无需重复提交", TeamRules.CanSubmit(TeamOf(2, TeamStatus.Submitted), Contest(), "u0", DuringRegistration).Message);
    }

    [Fact]
    public void Organizers_decide_only_submitted_teams_and_restore_only_disqualified_ones()
    {
        Assert.True(TeamRules.CanDecide(TeamOf(1, TeamStatus.Submitted)).Allowed);
        Assert.False(TeamRules.CanDecide(TeamOf(1, TeamStatus.Draft)).Allowed);
        Assert.True(TeamRules.CanRestore(TeamOf(1, TeamStatus.Disqualified)).Allowed);
        Assert.False(TeamRules.CanRestore(TeamOf(1, TeamStatus.Approved)).Allowed);
        Assert.False(TeamRules.CanDisqualify(TeamOf(1, TeamStatus.Withdrawn)).Allowed);
    }

    [Fact]
    public void A_member_is_moved_only_into_a_team_with_room_and_never_the_captain()
    {
        var from = TeamOf(2);
        var full = TeamOf(3);
        full.Id = 8;
        Assert.StartsWith("目标团队已满", TeamRules.CanMoveMember(from, full, Contest(max: 3), "u1").Message);
        var roomy = TeamOf(1);
        roomy.Id = 9;
        Assert.StartsWith("该成员是队长", TeamRules.CanMoveMember(from, roomy, Contest(), "u0").Message);
        Assert.True(TeamRules.CanMoveMember(from, roomy, Contest(), "u1").Allowed);
    }
}
