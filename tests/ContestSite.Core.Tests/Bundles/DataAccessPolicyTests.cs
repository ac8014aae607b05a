using ContestSite.Core.Bundles;
using ContestSite.Core.Catalog;
using ContestSite.Core.Rules;
using ContestSite.Core.Teams;

namespace ContestSite.Core.Tests.Bundles;

public sealed class DataAccessPolicyTests
{
    private static readonly DateTimeOffset Now = new(2020, 10, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly Guid X = Guid.NewGuid();
    private static readonly Guid Y = Guid.NewGuid();
    private static readonly Downloader ApprovedTeam = new(true, 7, TeamStatus.Approved, false);

    private static AccessApplication Approved(Guid dataset, int team = 7, DateTimeOffset? expires = null) => new()
    {
        TeamId = team, DatasetId = dataset, ApplicantId = "u", Purpose = "p", Scenario = "s",
        Status = ApplicationStatus.Approved, ExpiresAt = expires ?? Now.AddDays(30),
    };

    private static RuleResult Restricted(Downloader who, params AccessApplication[] applications) =>
        DataAccessPolicy.CanDownload(OpenType.Restricted, X, who, DownloadRoute.SingleFile, applications, Now, DataStops.None);

    [Theory]
    [InlineData(DownloadRoute.SingleFile)]
    [InlineData(DownloadRoute.Bundle)]
    public void Prohibited_data_is_refused_to_everyone_by_every_route(DownloadRoute route) =>
        Assert.False(DataAccessPolicy.CanDownload(OpenType.Prohibited, X, ApprovedTeam, route, [Approved(X)], Now, DataStops.None).Allowed);

    [Fact]
    public void Open_data_goes_to_anyone_signed_in_but_not_to_an_anonymous_visitor()
    {
        Assert.True(DataAccessPolicy.CanDownload(OpenType.Unconditional, X, new(true, null, null, false), DownloadRoute.SingleFile, [], Now, DataStops.None).Allowed);
        Assert.False(DataAccessPolicy.CanDownload(OpenType.Unconditional, X, Downloader.Anonymous, DownloadRoute.SingleFile, [], Now, DataStops.None).Allowed);
    }

    [Fact]
    public void A_bundle_even_of_open_data_goes_only_to_an_approved_team()
    {
        Assert.False(DataAccessPolicy.CanDownload(OpenType.Unconditional, X, new(true, null, null, false), DownloadRoute.Bundle, [], Now, DataStops.None).Allowed);
        Assert.False(DataAccessPolicy.CanDownload(OpenType.Unconditional, X, new(true, 7, TeamStatus.Submitted, false), DownloadRoute.Bundle, [], Now, DataStops.None).Allowed);
        Assert.True(DataAccessPolicy.CanDownload(OpenType.Unconditional, X, ApprovedTeam, DownloadRoute.Bundle, [], Now, DataStops.None).Allowed);
    }

    [Fact]
    public void Restricted_data_goes_to_an_approved_team_with_a_valid_approval_for_that_dataset() =>
        Assert.True(Restricted(ApprovedTeam, Approved(X)).Allowed);

    [Fact]
    public void Restricted_data_without_an_application_is_refused_with_the_reason() =>
        Assert.Equal("您的团队没有获批使用该数据集：受限开放数据须先提交申请并经组委会批准", Restricted(ApprovedTeam).Message);

    [Fact]
    public void An_approval_for_another_dataset_or_another_team_does_not_count()
    {
        Assert.False(Restricted(ApprovedTeam, Approved(Y)).Allowed);
        Assert.False(Restricted(ApprovedTeam, Approved(X, team: 8)).Allowed);
    }

    [Fact]
    public void An_expired_approval_is_refused_and_says_when_it_expired()
    {
        var expiry = Now.AddSeconds(-1);
        var result = Restricted(ApprovedTeam, Approved(X, expires: expiry));
        Assert.Equal("您的团队对该数据集的使用许可已于 {0} 到期", result.Message);
        Assert.Equal(expiry, result.Arguments[0]);
        Assert.False(Restricted(ApprovedTeam, Approved(X, expires: Now)).Allowed);
    }

    [Fact]
    public void A_revoked_approval_is_refused()
    {
        var revoked = Approved(X);
        revoked.Status = ApplicationStatus.Revoked;
        Assert.Equal("您的团队对该数据集的使用许可已被组委会撤销", Restricted(ApprovedTeam, revoked).Message);
    }

    [Fact]
    public void A_flagged_team_waits_for_an_organizer_even_with_a_valid_approval() =>
        Assert.False(Restricted(ApprovedTeam with { Flagged = true }, Approved(X)).Allowed);

    [Fact]
    public void A_team_that_is_no_longer_approved_loses_restricted_data() =>
        Assert.False(Restricted(ApprovedTeam with { TeamStatus = TeamStatus.Disqualified }, Approved(X)).Allowed);

    [Theory]
    [InlineData(OpenType.Restricted, DownloadRoute.SingleFile)]
    [InlineData(OpenType.Restricted, DownloadRoute.Bundle)]
    [InlineData(OpenType.Unconditional, DownloadRoute.SingleFile)]
    [InlineData(OpenType.Unconditional, DownloadRoute.Bundle)]
    public void A_stop_of_a_dataset_refuses_it_to_everyone_even_with_a_valid_approval(OpenType openType, DownloadRoute route)
    {
        var stops = DataStops.Of([X]);

        var result = DataAccessPolicy.CanDownload(openType, X, ApprovedTeam, route, [Approved(X)], Now, stops);

        Assert.Equal(DataAccessPolicy.StoppedMessage, result.Message);
        Assert.True(DataAccessPolicy.CanDownload(openType, Y, ApprovedTeam, route, [Approved(Y)], Now, stops).Allowed);
    }

    [Fact]
    public void A_stop_of_all_restricted_data_leaves_open_data_served()
    {
        var stops = DataStops.Of([null]);

        Assert.False(DataAccessPolicy.CanDownload(OpenType.Restricted, X, ApprovedTeam, DownloadRoute.SingleFile, [Approved(X)], Now, stops).Allowed);
        Assert.True(DataAccessPolicy.CanDownload(OpenType.Unconditional, X, ApprovedTeam, DownloadRoute.SingleFile, [], Now, stops).Allowed);
    }

    [Fact]
    public void A_suspended_approval_counts_as_none_and_says_why()
    {
        var suspended = Approved(X);
        suspended.Status = ApplicationStatus.Suspended;

        Assert.Equal("您的团队对该数据集的使用许可因应急处置暂停，等待组委会恢复", Restricted(ApprovedTeam, suspended).Message);
    }
}
