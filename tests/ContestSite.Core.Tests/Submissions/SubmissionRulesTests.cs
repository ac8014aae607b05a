using ContestSite.Core.Contests;
using ContestSite.Core.Submissions;
using ContestSite.Core.Teams;

namespace ContestSite.Core.Tests.Submissions;

public sealed class SubmissionRulesTests
{
    private static readonly DateTimeOffset Opens = new(2020, 8, 15, 0, 0, 0, TimeSpan.FromHours(8));
    private static readonly DateTimeOffset Closes = new(2020, 10, 31, 18, 0, 0, TimeSpan.FromHours(8));
    private static readonly TimeSpan Grace = TimeSpan.FromMinutes(15);
    private static readonly Round Round = new() { Name = "初赛", SubmissionOpensAt = Opens, SubmissionClosesAt = Closes };

    private static Team ApprovedTeam() => new()
    {
        Name = "队", NameKey = "队", OrganizationName = "浙大", Status = TeamStatus.Approved,
        Members =
        [
            new() { UserId = "captain", RealName = "张", Phone = "1", Organization = "浙大", Role = TeamRole.Captain },
            new() { UserId = "member", RealName = "李", Phone = "2", Organization = "浙大" },
        ],
    };

    [Fact]
    public void A_member_may_edit_during_the_window_and_not_one_second_after_it()
    {
        Assert.True(SubmissionRules.CanEdit(ApprovedTeam(), Round, true, null, "member", Closes.AddSeconds(-1), Grace, false).Allowed);
        var late = SubmissionRules.CanEdit(ApprovedTeam(), Round, true, null, "member", Closes.AddSeconds(1), Grace, false);
        Assert.Equal("提交已截止：{0}的截止时间为 {1}", late.Message);
    }

    [Fact]
    public void A_save_with_an_upload_begun_before_the_deadline_is_allowed_only_within_the_grace_period()
    {
        Assert.True(SubmissionRules.CanEdit(ApprovedTeam(), Round, true, null, "member", Closes.AddMinutes(14), Grace, true).Allowed);
        Assert.False(SubmissionRules.CanEdit(ApprovedTeam(), Round, true, null, "member", Closes.AddMinutes(15), Grace, true).Allowed);
        Assert.True(SubmissionRules.CanFinishUpload(Round, true, Closes.AddSeconds(-1), Closes.AddMinutes(10), Grace).Allowed);
        Assert.False(SubmissionRules.CanFinishUpload(Round, true, Closes, Closes.AddMinutes(1), Grace).Allowed);
    }

    [Fact]
    public void Outsiders_unapproved_teams_and_finalised_entries_are_refused_with_their_reason()
    {
        var during = Opens.AddDays(1);
        Assert.Equal("只有本队成员可以编辑作品", SubmissionRules.CanEdit(ApprovedTeam(), Round, true, null, "stranger", during, Grace, false).Message);
        var pending = ApprovedTeam();
        pending.Status = TeamStatus.Submitted;
        Assert.Equal("团队通过审核后才能提交作品", SubmissionRules.CanEdit(pending, Round, true, null, "member", during, Grace, false).Message);
        var finalised = new Submission { Status = SubmissionStatus.Finalised, CurrentVersionNumber = 1 };
        Assert.StartsWith("作品已定稿", SubmissionRules.CanEdit(ApprovedTeam(), Round, true, finalised, "member", during, Grace, false).Message);
        Assert.Equal("{0}的作品提交从 {1} 开始", SubmissionRules.CanStartUpload(ApprovedTeam(), Round, true, null, "member", Opens.AddSeconds(-1)).Message);
    }

    [Fact]
    public void Only_the_captain_finalises_a_saved_draft_before_the_deadline()
    {
        var during = Opens.AddDays(1);
        var draft = new Submission { CurrentVersionNumber = 2 };
        Assert.True(SubmissionRules.CanFinalise(ApprovedTeam(), Round, true, draft, "captain", during).Allowed);
        Assert.Equal("只有队长可以定稿", SubmissionRules.CanFinalise(ApprovedTeam(), Round, true, draft, "member", during).Message);
        Assert.Equal("请先保存作品再定稿", SubmissionRules.CanFinalise(ApprovedTeam(), Round, true, new Submission(), "captain", during).Message);
        Assert.False(SubmissionRules.CanFinalise(ApprovedTeam(), Round, true, draft, "captain", Closes).Allowed);
        Assert.True(SubmissionRules.CanReopen(new Submission { Status = SubmissionStatus.Finalised }).Allowed);
        Assert.False(SubmissionRules.CanReopen(draft).Allowed);
    }

    [Fact]
    public void A_team_not_advanced_into_the_round_is_refused_every_entry_action_even_inside_the_window()
    {
        var during = Opens.AddDays(1);
        var draft = new Submission { CurrentVersionNumber = 1 };
        var refusals = new[]
        {
            SubmissionRules.CanEdit(ApprovedTeam(), Round, false, draft, "member", during, Grace, false),
            SubmissionRules.CanStartUpload(ApprovedTeam(), Round, false, null, "member", during),
            SubmissionRules.CanFinishUpload(Round, false, during, during, Grace),
            SubmissionRules.CanFinalise(ApprovedTeam(), Round, false, draft, "captain", during),
        };
        Assert.All(refusals, r => Assert.Equal("您的团队未晋级初赛，不能提交作品", r.ChineseText));
        Assert.Equal("只有本队成员可以编辑作品", SubmissionRules.CanEdit(ApprovedTeam(), Round, false, null, "stranger", during, Grace, false).Message);
    }
}
