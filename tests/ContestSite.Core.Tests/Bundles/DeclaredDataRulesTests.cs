using ContestSite.Core.Bundles;
using ContestSite.Core.Catalog;

namespace ContestSite.Core.Tests.Bundles;

public sealed class DeclaredDataRulesTests
{
    private const int Team = 7;
    private static readonly DateTimeOffset Now = new(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);

    private static DeclaredDataset Dataset(OpenType type, DatasetStatus status = DatasetStatus.Published) => new(Guid.NewGuid(), "公交线路", type, status);

    private static AccessApplication Approval(Guid datasetId, DateTimeOffset expires, ApplicationStatus status = ApplicationStatus.Approved, int team = Team) =>
        new() { TeamId = team, DatasetId = datasetId, ApplicantId = "u", Purpose = "p", Scenario = "s", Status = status, ExpiresAt = expires };

    private static string? Refusal(DeclaredDataset dataset, AccessApplication[] applications, params Guid[] alreadyDeclared) =>
        DeclaredDataRules.Check([dataset], alreadyDeclared, Team, applications, Now).Message;

    [Fact]
    public void An_open_dataset_may_be_declared() => Assert.Null(Refusal(Dataset(OpenType.Unconditional), []));

    [Fact]
    public void A_restricted_dataset_may_be_declared_with_an_approval_valid_now()
    {
        var dataset = Dataset(OpenType.Restricted);
        Assert.Null(Refusal(dataset, [Approval(dataset.Id, Now.AddDays(1))]));
    }

    [Theory]
    [InlineData(ApplicationStatus.Pending, 1)]
    [InlineData(ApplicationStatus.Rejected, 1)]
    [InlineData(ApplicationStatus.Revoked, 1)]
    [InlineData(ApplicationStatus.Approved, -1)]
    public void A_restricted_dataset_without_a_valid_approval_is_refused(ApplicationStatus status, int expiresInDays)
    {
        var dataset = Dataset(OpenType.Restricted);
        Assert.Equal("“{0}”属于受限开放类，团队的使用申请获批后才能声明使用", Refusal(dataset, [Approval(dataset.Id, Now.AddDays(expiresInDays), status)]));
    }

    [Fact]
    public void Another_teams_approval_does_not_count()
    {
        var dataset = Dataset(OpenType.Restricted);
        Assert.NotNull(Refusal(dataset, [Approval(dataset.Id, Now.AddDays(1), team: Team + 1)]));
    }

    [Fact]
    public void A_prohibited_dataset_is_refused_even_when_declared_before()
    {
        var dataset = Dataset(OpenType.Prohibited);
        Assert.Equal("“{0}”属于禁止开放类，不能声明使用", Refusal(dataset, [], dataset.Id));
    }

    [Fact]
    public void An_unpublished_dataset_is_refused() =>
        Assert.Equal("所选数据集不在数据目录中", Refusal(Dataset(OpenType.Unconditional, DatasetStatus.Draft), []));

    [Fact]
    public void A_restricted_dataset_declared_while_approved_stays_after_the_approval_lapses()
    {
        var dataset = Dataset(OpenType.Restricted);
        Assert.Null(Refusal(dataset, [Approval(dataset.Id, Now.AddDays(-3))], dataset.Id));
    }

    [Theory]
    [InlineData(OpenType.Unconditional, true)]
    [InlineData(OpenType.Restricted, false)]
    [InlineData(OpenType.Prohibited, false)]
    public void Only_what_the_team_may_use_is_offered(OpenType type, bool offered) =>
        Assert.Equal(offered, DeclaredDataRules.MayOffer(type, Guid.NewGuid(), Team, [], Now));
}
