using ContestSite.Core.Bundles;

namespace ContestSite.Core.Tests.Bundles;

public sealed class DataIncidentRulesTests
{
    private static readonly DateTimeOffset Now = new(2020, 10, 1, 12, 0, 0, TimeSpan.Zero);

    private static AccessApplication Approval(DateTimeOffset expires) => new()
    {
        Id = 3, TeamId = 7, DatasetId = Guid.NewGuid(), ApplicantId = "u", Purpose = "p", Scenario = "s", Status = ApplicationStatus.Approved, ExpiresAt = expires,
    };

    private static DataIncident Incident() => new() { Id = 5, What = "泄露", Reason = "核查", StartedBy = "o", StartedAt = Now, OpenScope = "all-restricted" };

    [Theory]
    [InlineData(null, "原因", true, "请简要说明发生了什么")]
    [InlineData("事件", " ", true, "请填写暂停数据服务的原因")]
    [InlineData("事件", "原因", false, "请勾选确认：立即停止提供数据并暂停相关使用许可")]
    public void A_stop_needs_what_why_and_the_confirmation(string? what, string? reason, bool confirmed, string refusal) =>
        Assert.Equal(refusal, DataIncidentRules.CanStart(what, reason, confirmed).Message);

    [Fact]
    public void Lifting_needs_a_reason_and_frees_the_scope_once()
    {
        var incident = Incident();

        Assert.Equal("请填写解除的原因", DataIncidentRules.Lift(incident, "o", "", Now).Message);
        Assert.True(incident.IsOpen);
        Assert.True(DataIncidentRules.Lift(incident, "o", "查清了", Now).Allowed);
        Assert.Null(incident.OpenScope);
        Assert.False(DataIncidentRules.Lift(incident, "o", "再来一次", Now).Allowed);
    }

    [Fact]
    public void Only_a_live_approval_is_suspended_and_it_is_restored_only_after_the_lift_before_it_expires_and_when_nothing_else_stops_it()
    {
        var incident = Incident();
        var expired = Approval(Now.AddDays(-1));
        Assert.False(DataIncidentRules.Suspend(expired, incident, Now).Allowed);
        Assert.Equal(ApplicationStatus.Approved, expired.Status);

        var live = Approval(Now.AddDays(10));
        Assert.True(DataIncidentRules.Suspend(live, incident, Now).Allowed);
        Assert.Equal((ApplicationStatus.Suspended, (int?)5), (live.Status, live.SuspendedByIncidentId));

        Assert.Equal("应急处置尚未解除，不能恢复许可", DataIncidentRules.Restore(live, incident, false, Now).Message);
        DataIncidentRules.Lift(incident, "o", "查清了", Now);
        Assert.Equal("该数据集仍处于另一项未解除的应急处置中，不能恢复许可", DataIncidentRules.Restore(live, incident, true, Now).Message);
        Assert.False(DataIncidentRules.Restore(live, incident, false, Now.AddDays(11)).Allowed);
        Assert.Equal(ApplicationStatus.Suspended, live.Status);
        Assert.True(DataIncidentRules.Restore(live, incident, false, Now).Allowed);
        Assert.Equal(ApplicationStatus.Approved, live.Status);
    }

    [Fact]
    public void A_team_holding_a_suspended_approval_cannot_apply_again_while_it_runs()
    {
        var suspended = Approval(Now.AddDays(10));
        suspended.Status = ApplicationStatus.Suspended;

        var result = AccessApplicationRules.CanApply(Core.Teams.TeamStatus.Approved, Core.Catalog.OpenType.Restricted, [suspended], "p", "s", true, Now);

        Assert.False(result.Allowed);
    }
}
