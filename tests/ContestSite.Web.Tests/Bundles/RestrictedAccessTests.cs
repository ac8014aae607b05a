using System.Net;
using ContestSite.Core.Bundles;
using ContestSite.Web.Tests.Infrastructure;
using ContestSite.Web.Tests.Teams;
using Microsoft.EntityFrameworkCore;

namespace ContestSite.Web.Tests.Bundles;

/// <summary>Restricted files: only to members of a team holding a valid approval for that very dataset, decided per request.</summary>
public sealed class RestrictedAccessTests
{
    [Theory]
    [InlineData(TestProvider.Sqlite)]
    [InlineData(TestProvider.Postgres)]
    public async Task A_member_of_an_approved_team_downloads_a_restricted_file_masked_and_a_sensitive_field_without_a_rule_is_dropped(TestProvider provider)
    {
        await using var site = await TeamTestKit.SiteAsync(provider);
        var relief = await site.DatasetAsync("低保救助对象名单");
        await site.SetRulesAsync(relief.Id);
        var (client, teamId) = await site.ApprovedTeamAsync("救助地图队", "captain@example.com");
        await site.ApprovedApplicationAsync(client, teamId, relief.Id);

        using var response = await client.Http.GetAsync($"/datasets/{relief.Id}/files/{relief.FileId}");
        var text = (await response.Content.ReadAsStringAsync()).TrimStart('\uFEFF');

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("姓名,手机号,身份证号,区域\r\n张*,138****1234,330***********1234,西湖区", text);
        Assert.DoesNotContain("文三路", text);
        Assert.DoesNotContain("备注", text);
        Assert.True(await site.AuditedAsync("catalog.download", "ok", teamId, relief.Id));
        Assert.Contains($"/datasets/{relief.Id}/files/{relief.FileId}", (await client.GetAsync($"/datasets/{relief.Id}")).Html);
        var mail = await site.Smtp.WaitForAsync("captain@example.com", m => m.Subject?.Contains("数据使用申请结果", StringComparison.Ordinal) == true);
        Assert.Contains("已获批准", mail.TextBody);
    }

    [Fact]
    public async Task A_range_request_that_sends_nothing_is_recorded_as_not_sent_and_is_neither_a_download_nor_a_risk()
    {
        await using var site = await TeamTestKit.SiteAsync(TestProvider.Sqlite);
        var roads = await site.DatasetAsync("路网统计");
        // Nothing sensitive: the file is served as stored, with range requests honoured.
        await site.WithDbAsync(db => db.DatasetFields.Where(f => f.DatasetId == roads.Id).ExecuteUpdateAsync(s => s.SetProperty(f => f.IsSensitive, false)));
        var (client, teamId) = await site.ApprovedTeamAsync("路网队", "captain@example.com");
        await site.ApprovedApplicationAsync(client, teamId, roads.Id);
        var url = $"/datasets/{roads.Id}/files/{roads.FileId}";

        using var beyond = new HttpRequestMessage(HttpMethod.Get, url) { Headers = { { "Range", "bytes=100000-" } } };
        using var refused = await client.Http.SendAsync(beyond);

        Assert.Equal(HttpStatusCode.RequestedRangeNotSatisfiable, refused.StatusCode);
        Assert.True(await site.AuditedAsync("catalog.download", "not-sent", teamId, roads.Id));
        Assert.False(await site.AuditedAsync("catalog.download", "ok", teamId, roads.Id));
        Assert.Equal(0, await site.WithDbAsync(db => db.DownloadRecords.CountAsync(r => r.TeamId == teamId)));
        Assert.Equal(0, await site.WithDbAsync(db => db.Datasets.Where(d => d.Id == roads.Id).Select(d => d.DownloadCount).SingleAsync()));

        using var part = new HttpRequestMessage(HttpMethod.Get, url) { Headers = { { "Range", "bytes=0-9" } } };
        using var partial = await client.Http.SendAsync(part);

        Assert.Equal(HttpStatusCode.PartialContent, partial.StatusCode);
        Assert.Equal(10, (await partial.Content.ReadAsByteArrayAsync()).Length);
        var size = System.Text.Encoding.UTF8.GetByteCount(BundleTestKit.Csv);
        Assert.True(await site.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == "catalog.download" && e.Outcome == "partial"
            && e.DatasetId == roads.Id && e.Detail == $"people.csv; bytes 0-9/{size}")));
        Assert.Equal([10L], await site.WithDbAsync(db => db.DownloadRecords.Where(r => r.TeamId == teamId).Select(r => r.Bytes).ToListAsync()));
    }

    [Theory]
    [InlineData(TestProvider.Sqlite)]
    [InlineData(TestProvider.Postgres)]
    public async Task An_approval_for_one_dataset_does_not_open_another(TestProvider provider)
    {
        await using var site = await TeamTestKit.SiteAsync(provider);
        var x = await site.DatasetAsync("数据集甲");
        var y = await site.DatasetAsync("数据集乙");
        var (client, teamId) = await site.ApprovedTeamAsync("甲队", "captain@example.com");
        await site.ApprovedApplicationAsync(client, teamId, x.Id);

        var other = await client.GetAsync($"/datasets/{y.Id}/files/{y.FileId}");
        var crossed = await client.GetAsync($"/datasets/{y.Id}/files/{x.FileId}");

        Assert.Equal(HttpStatusCode.Redirect, other.Status);
        Assert.Equal(HttpStatusCode.NotFound, crossed.Status);
        Assert.True(await site.AuditedAsync("catalog.download", "refused", teamId, y.Id));
        // Nothing was served; the refused request is kept for the risk warning (a probe for data the team may not have).
        Assert.Equal(0, await site.WithDbAsync(db => db.DownloadRecords.CountAsync(r => !r.Refused)));
        Assert.Equal([y.Id], await site.WithDbAsync(db => db.DownloadRecords.Where(r => r.Refused).Select(r => r.DatasetId!.Value).ToListAsync()));
    }

    [Theory]
    [InlineData(TestProvider.Sqlite)]
    [InlineData(TestProvider.Postgres)]
    public async Task An_expired_approval_opens_nothing_and_the_team_is_told_when_it_expired(TestProvider provider)
    {
        await using var site = await TeamTestKit.SiteAsync(provider);
        var relief = await site.DatasetAsync("低保救助对象名单");
        var (client, teamId) = await site.ApprovedTeamAsync("过期队", "captain@example.com");
        await site.ApprovedApplicationAsync(client, teamId, relief.Id, days: 1);
        site.Clock.Advance(TimeSpan.FromDays(1));

        var download = await client.GetAsync($"/datasets/{relief.Id}/files/{relief.FileId}");
        var page = await client.GetAsync($"/datasets/{relief.Id}");

        Assert.Equal(HttpStatusCode.Redirect, download.Status);
        Assert.Contains("使用许可已于", page.Text);
        Assert.Contains("到期", page.Text);
        Assert.True(await site.AuditedAsync("catalog.download", "refused", teamId, relief.Id));
    }

    [Theory]
    [InlineData(TestProvider.Sqlite)]
    [InlineData(TestProvider.Postgres)]
    public async Task A_revoked_approval_opens_nothing(TestProvider provider)
    {
        await using var site = await TeamTestKit.SiteAsync(provider);
        var relief = await site.DatasetAsync("低保救助对象名单");
        await site.PutInBundleAsync(await site.TrackIdAsync(), relief.Id);
        var (client, teamId) = await site.ApprovedTeamAsync("撤销队", "captain@example.com");
        var applicationId = await site.ApprovedApplicationAsync(client, teamId, relief.Id);
        using var organizer = await site.OrganizerAsync();

        var noReason = await organizer.DecideAsync(applicationId, "Revoke");
        var revoked = await organizer.DecideAsync(applicationId, "Revoke", new() { ["reason"] = "团队把数据发给了合作企业" });
        var download = await client.GetAsync($"/datasets/{relief.Id}/files/{relief.FileId}");
        var zip = await client.DownloadBundleAsync();

        Assert.Contains("请填写撤销的原因", noReason.Text);
        Assert.Equal(HttpStatusCode.Redirect, revoked.Status);
        Assert.Equal(HttpStatusCode.Redirect, download.Status);
        Assert.Contains("已被组委会撤销", zip.ManifestDataset(relief.Id).GetProperty("notIncluded").GetString());
        Assert.Equal(ApplicationStatus.Revoked, await site.WithDbAsync(db => db.AccessApplications.Where(a => a.Id == applicationId).Select(a => a.Status).SingleAsync()));
        Assert.True(await site.AuditedAsync("data.application.revoked", "ok", teamId, relief.Id));
    }

    [Theory]
    [InlineData(TestProvider.Sqlite)]
    [InlineData(TestProvider.Postgres)]
    public async Task Another_teams_member_replaying_the_download_urls_gets_nothing_of_the_first_teams_data(TestProvider provider)
    {
        await using var site = await TeamTestKit.SiteAsync(provider);
        var relief = await site.DatasetAsync("低保救助对象名单");
        await site.PutInBundleAsync(await site.TrackIdAsync(), relief.Id);
        var (owner, ownerTeam) = await site.ApprovedTeamAsync("获批队", "owner@example.com");
        await site.ApprovedApplicationAsync(owner, ownerTeam, relief.Id);
        var (other, otherTeam) = await site.ApprovedTeamAsync("旁观队", "other@example.com");
        using var anonymous = site.CreateSiteClient();

        var file = await other.GetAsync($"/datasets/{relief.Id}/files/{relief.FileId}");
        var zip = await other.DownloadBundleAsync();
        var guessed = await other.GetAsync($"/bundles/download?team={ownerTeam}");
        var signedOut = await anonymous.GetAsync($"/datasets/{relief.Id}/files/{relief.FileId}");

        Assert.Equal(HttpStatusCode.Redirect, file.Status);
        Assert.DoesNotContain(zip.Names, n => n.EndsWith("people.csv", StringComparison.Ordinal));
        Assert.Equal(otherTeam, zip.Manifest.GetProperty("team").GetProperty("id").GetInt32());
        Assert.Equal(HttpStatusCode.OK, guessed.Status);
        Assert.DoesNotContain("people.csv", guessed.Html);
        Assert.Equal(HttpStatusCode.Redirect, signedOut.Status);
        Assert.Contains("/account/login", signedOut.Location!.OriginalString);
        Assert.True(await site.AuditedAsync("catalog.download", "refused", otherTeam, relief.Id));
    }
}
