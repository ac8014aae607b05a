using System.Net;
using ContestSite.Core.Catalog;
using ContestSite.Web.Tests.Bundles;
using ContestSite.Web.Tests.Infrastructure;
using ContestSite.Web.Tests.Teams;
using Microsoft.EntityFrameworkCore;
using static ContestSite.Web.Tests.Submissions.SubmissionTestKit;

namespace ContestSite.Web.Tests.Submissions;

/// <summary>
/// An entry declares only data its team may use: open datasets, and restricted ones under an approval valid now; a
/// prohibited dataset is never offered nor accepted. Each test uses a team and datasets of its own on one shared site.
/// </summary>
public sealed class DeclaredDatasetTests(DeclaredDatasetTests.DuringFirstRoundSites shared) : IClassFixture<DeclaredDatasetTests.DuringFirstRoundSites>
{
    public sealed class DuringFirstRoundSites : SharedSites
    {
        protected override Task<SiteFactory> StartAsync(TestProvider provider) => SiteAsync(provider);
    }

    private static Task<SiteClient.Page> SaveWithDatasetsAsync(SiteClient client, int roundId, IEnumerable<Guid> ticked, string? links = null)
    {
        var fields = new List<KeyValuePair<string, string>> { new("Input.Title", "救助地图"), new("Input.Pitch", "一句话") };
        fields.AddRange(ticked.Select(id => new KeyValuePair<string, string>("Input.DatasetIds", id.ToString())));
        if (links is not null) fields.Add(new("Input.OtherDatasetLinks", links));
        return client.PostFieldsAsync($"/submissions/{roundId}", fields, $"/submissions/{roundId}?handler=Save");
    }

    private static Task<int> VersionCountAsync(SiteFactory site, int teamId) =>
        site.WithDbAsync(db => db.SubmissionVersions.CountAsync(v => db.Submissions.Any(s => s.Id == v.SubmissionId && s.TeamId == teamId)));

    [Fact]
    public async Task The_form_offers_the_bundle_and_approved_restricted_data_and_never_prohibited_or_unapproved_restricted_data()
    {
        var site = await shared.ForAsync(TestProvider.Sqlite);
        using var team = await site.ApprovedTeamAsync();
        var open = await site.DatasetAsync("表单公交线路", OpenType.Unconditional);
        var approved = await site.DatasetAsync("表单救助名单", OpenType.Restricted);
        var unapproved = await site.DatasetAsync("表单医保结算", OpenType.Restricted);
        var prohibited = await site.DatasetAsync("表单户籍明细", OpenType.Prohibited);
        var outside = await site.DatasetAsync("表单气象观测", OpenType.Unconditional);
        await site.PutInBundleAsync(await site.TrackIdAsync(), open.Id, unapproved.Id, prohibited.Id);
        await site.SetRulesAsync(approved.Id);
        await site.ApprovedApplicationAsync(team.Captain, team.Id, approved.Id);

        var form = (await team.Member.GetAsync($"/submissions/{team.RoundId}")).Text;

        Assert.Contains("表单公交线路", form);
        Assert.Contains("表单救助名单", form);
        Assert.DoesNotContain("表单医保结算", form);
        Assert.DoesNotContain("表单户籍明细", form);
        Assert.DoesNotContain("表单气象观测", form);
    }

    [Theory]
    [InlineData(TestProvider.Sqlite)]
    [InlineData(TestProvider.Postgres)]
    public async Task Declaring_prohibited_or_unapproved_restricted_data_by_a_forged_form_is_refused_and_saves_nothing(TestProvider provider)
    {
        var site = await shared.ForAsync(provider);
        using var team = await site.ApprovedTeamAsync();
        var prohibited = await site.DatasetAsync("伪造户籍明细", OpenType.Prohibited);
        var restricted = await site.DatasetAsync("伪造医保结算", OpenType.Restricted);

        var withProhibited = await SaveWithDatasetsAsync(team.Member, team.RoundId, [prohibited.Id]);
        var withRestricted = await SaveWithDatasetsAsync(team.Member, team.RoundId, [], $"/datasets/{restricted.Id}");

        Assert.Equal(HttpStatusCode.OK, withProhibited.Status);
        Assert.Contains("“伪造户籍明细”属于禁止开放类，不能声明使用", withProhibited.Text);
        Assert.Contains("“伪造医保结算”属于受限开放类，团队的使用申请获批后才能声明使用", withRestricted.Text);
        Assert.Equal(0, await VersionCountAsync(site, team.Id));
        Assert.Equal(0, await site.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.TeamId == team.Id && e.Action.StartsWith("submission."))));
    }

    [Fact]
    public async Task Approved_restricted_data_is_declared_and_audited_with_its_dataset_once()
    {
        var site = await shared.ForAsync(TestProvider.Sqlite);
        using var team = await site.ApprovedTeamAsync();
        var relief = await site.DatasetAsync("声明救助名单", OpenType.Restricted);
        await site.SetRulesAsync(relief.Id);
        await site.ApprovedApplicationAsync(team.Captain, team.Id, relief.Id);

        Assert.Equal(HttpStatusCode.Redirect, (await SaveWithDatasetsAsync(team.Member, team.RoundId, [relief.Id])).Status);
        Assert.Equal(HttpStatusCode.Redirect, (await SaveWithDatasetsAsync(team.Member, team.RoundId, [relief.Id])).Status);

        var declared = await site.WithDbAsync(db => db.AuditEntries.Where(e => e.Action == "submission.restricted-dataset-declared" && e.TeamId == team.Id)
            .Select(e => e.DatasetId).ToListAsync());
        Assert.Equal([relief.Id], declared);
        var versions = await site.WithDbAsync(db => db.SubmissionVersions.Include(v => v.Datasets)
            .Where(v => db.Submissions.Any(s => s.Id == v.SubmissionId && s.TeamId == team.Id)).ToListAsync());
        Assert.All(versions, v => Assert.Equal(relief.Id, v.Datasets.Single().DatasetId));
    }

    [Fact]
    public async Task An_open_dataset_outside_the_bundle_is_declared_by_the_link_of_its_page_and_a_piece_that_is_not_a_link_is_refused()
    {
        var site = await shared.ForAsync(TestProvider.Sqlite);
        using var team = await site.ApprovedTeamAsync();
        var weather = await site.DatasetAsync("链接气象观测", OpenType.Unconditional);

        var notALink = await SaveWithDatasetsAsync(team.Member, team.RoundId, [], "https://example.com/weather");
        Assert.Contains("“https://example.com/weather”不是数据集页面的链接", notALink.Text);
        Assert.Equal(0, await VersionCountAsync(site, team.Id));

        var linked = await SaveWithDatasetsAsync(team.Member, team.RoundId, [], $"https://contest.example/datasets/{weather.Id}\n");
        Assert.Equal(HttpStatusCode.Redirect, linked.Status);
        var version = await site.WithDbAsync(db => db.SubmissionVersions.Include(v => v.Datasets)
            .SingleAsync(v => db.Submissions.Any(s => s.Id == v.SubmissionId && s.TeamId == team.Id)));
        Assert.Equal(weather.Id, version.Datasets.Single().DatasetId);
        Assert.Contains("链接气象观测", (await team.Member.GetAsync($"/submissions/{team.RoundId}")).Text);
    }
}
