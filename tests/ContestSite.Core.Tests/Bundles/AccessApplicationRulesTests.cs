using ContestSite.Core.Bundles;
using ContestSite.Core.Catalog;
using ContestSite.Core.Rules;
using ContestSite.Core.Teams;

namespace ContestSite.Core.Tests.Bundles;

public sealed class AccessApplicationRulesTests
{
    private static readonly DateTimeOffset Now = new(2020, 10, 1, 12, 0, 0, TimeSpan.Zero);

    private static AccessApplication Pending() => new() { TeamId = 1, DatasetId = Guid.NewGuid(), ApplicantId = "u", Purpose = "p", Scenario = "s" };

    private static RuleResult Apply(TeamStatus? team = TeamStatus.Approved, OpenType type = OpenType.Restricted, string? purpose = "用途", bool agreed = true,
        params AccessApplication[] existing) => AccessApplicationRules.CanApply(team, type, existing, purpose, "场景", agreed, Now);

    [Fact]
    public void An_approved_team_may_apply_for_a_restricted_dataset() => Assert.True(Apply().Allowed);

    [Theory]
    [InlineData(null, OpenType.Restricted, "用途", true, "请先加入一个参赛团队")]
    [InlineData(TeamStatus.Submitted, OpenType.Restricted, "用途", true, "团队通过组委会审核后才能申请受限开放数据")]
    [InlineData(TeamStatus.Approved, OpenType.Prohibited, "用途", true, "该数据集属于禁止开放类，不接受申请")]
    [InlineData(TeamStatus.Approved, OpenType.Unconditional, "用途", true, "该数据集无条件开放，无须申请")]
    [InlineData(TeamStatus.Approved, OpenType.Restricted, " ", true, "请说明数据的用途")]
    [InlineData(TeamStatus.Approved, OpenType.Restricted, "用途", false, "请阅读并同意数据使用协议")]
    public void An_application_is_refused_with_a_reason(TeamStatus? team, OpenType type, string purpose, bool agreed, string message) =>
        Assert.Equal(message, Apply(team, type, purpose, agreed).Message);

    [Fact]
    public void A_team_cannot_apply_twice_while_one_is_pending_or_valid_but_may_after_expiry()
    {
        var approved = Pending();
        approved.Status = ApplicationStatus.Approved;
        approved.ExpiresAt = Now.AddDays(1);
        Assert.False(Apply(existing: Pending()).Allowed);
        Assert.False(Apply(existing: approved).Allowed);
        approved.ExpiresAt = Now;
        Assert.True(Apply(existing: approved).Allowed);
    }

    [Fact]
    public void Approval_sets_the_expiry_and_the_decider_and_cannot_happen_twice()
    {
        var application = Pending();
        Assert.True(AccessApplicationRules.Approve(application, "org", 30, null, Now).Allowed);
        Assert.Equal(Now.AddDays(30), application.ExpiresAt);
        Assert.Equal("org", application.DeciderId);
        Assert.False(AccessApplicationRules.Approve(application, "org", 30, null, Now).Allowed);
        Assert.False(AccessApplicationRules.Reject(application, "org", "迟了", Now).Allowed);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(367)]
    public void Approval_days_out_of_range_are_refused_and_change_nothing(int days)
    {
        var application = Pending();
        Assert.False(AccessApplicationRules.Approve(application, "org", days, null, Now).Allowed);
        Assert.Equal(ApplicationStatus.Pending, application.Status);
        Assert.Null(application.ExpiresAt);
    }

    [Fact]
    public void Rejecting_and_revoking_need_a_reason_and_revoking_needs_an_approval()
    {
        var application = Pending();
        Assert.False(AccessApplicationRules.Reject(application, "org", "", Now).Allowed);
        Assert.False(AccessApplicationRules.Revoke(application, "org", "原因", Now).Allowed);
        AccessApplicationRules.Approve(application, "org", 10, null, Now);
        Assert.False(AccessApplicationRules.Revoke(application, "org", " ", Now).Allowed);
        Assert.True(AccessApplicationRules.Revoke(application, "org", "泄露", Now).Allowed);
        Assert.Equal(ApplicationStatus.Revoked, application.Status);
        Assert.False(application.Grants(1, application.DatasetId, Now));
    }

    [Fact]
    public void Judges_give_opinions_only_when_asked_and_a_second_opinion_replaces_their_first()
    {
        var application = Pending();
        Assert.False(AccessApplicationRules.GiveOpinion(application, "j", "评委", true, "同意", Now).Allowed);
        Assert.True(AccessApplicationRules.RequestOpinion(application, Now, Now.AddDays(5)).Allowed);
        Assert.False(AccessApplicationRules.RequestOpinion(application, Now, Now.AddDays(5)).Allowed);
        Assert.True(AccessApplicationRules.GiveOpinion(application, "j", "评委", true, "同意", Now).Allowed);
        Assert.True(AccessApplicationRules.GiveOpinion(application, "j", "评委", false, "再想想不妥", Now).Allowed);
        var opinion = Assert.Single(application.Opinions);
        Assert.False(opinion.Supports);
        Assert.Equal("再想想不妥", opinion.Comment);
    }

    [Fact]
    public void An_opinion_is_asked_only_with_an_answer_date_in_the_future_and_is_overdue_once_it_passes_unanswered()
    {
        var application = Pending();

        Assert.False(AccessApplicationRules.RequestOpinion(application, Now, Now).Allowed);
        Assert.False(AccessApplicationRules.RequestOpinion(application, Now, Now.AddMinutes(-1)).Allowed);
        Assert.Null(application.OpinionRequestedAt);
        Assert.Null(application.OpinionDueAt);
        Assert.True(AccessApplicationRules.RequestOpinion(application, Now, Now.AddDays(5)).Allowed);

        Assert.Equal(Now.AddDays(5), application.OpinionDueAt);
        Assert.False(application.OpinionOverdue(Now.AddDays(5).AddMinutes(-1)));
        Assert.True(application.OpinionOverdue(Now.AddDays(5)));
        AccessApplicationRules.GiveOpinion(application, "j", "评委", true, "同意", Now.AddDays(6));
        Assert.False(application.OpinionOverdue(Now.AddDays(6)));
    }
}
