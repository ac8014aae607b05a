using System.Net;
using ContestSite.Web.Tests.Infrastructure;
using ContestSite.Web.Tests.Teams;
using Microsoft.EntityFrameworkCore;

namespace ContestSite.Web.Tests.Bundles;

/// <summary>The risk warning on download volume, and the organizers' masking rules page.</summary>
public sealed class RiskAndMaskingTests
{
    private static Task<SiteFactory> SiteWithLowLimitAsync(TestProvider provider) =>
        SiteFactory.CreateAsync(provider, settings: s => s["ContestSite:Bundles:RiskMaxDownloads"] = "2", now: TeamTestKit.DuringRegistration);

    [Theory]
    [InlineData(TestProvider.Sqlite)]
    [InlineData(TestProvider.Postgres)]
    public async Task Downloading_more_than_the_limit_flags_the_account_mails_the_organizers_and_holds_restricted_data_until_cleared(TestProvider provider)
    {
        await using var site = await SiteWithLowLimitAsync(provider);
        var relief = await site.DatasetAsync("低保救助对象名单");
        await site.SetRulesAsync(relief.Id);
        var (client, teamId) = await site.ApprovedTeamAsync("贪心队", "captain@example.com");
        await site.ApprovedApplicationAsync(client, teamId, relief.Id);
        var url = $"/datasets/{relief.Id}/files/{relief.FileId}";

        for (var i = 0; i < 3; i++) Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(url)).Status);
        var mail = await site.Smtp.WaitForAsync(SiteFactory.OrganizerEmail, m => m.Subject?.Contains("风险预警", StringComparison.Ordinal) == true);
        var held = await client.GetAsync(url);
        var page = await client.GetAsync("/bundles");
        using var organizer = await site.OrganizerAsync();
        var flagId = await site.WithDbAsync(db => db.RiskFlags.Where(f => f.ClearedAt == null).Select(f => f.Id).SingleAsync());
        var riskPage = await organizer.GetAsync("/admin/data-risk");
        var cleared = await organizer.PostFormAsync("/admin/data-risk", new Dictionary<string, string> { ["flagId"] = flagId.ToString(System.Globalization.CultureInfo.InvariantCulture) }, "/admin/data-risk?handler=Clear");
        var again = await client.GetAsync(url);

        Assert.Contains("captain@example.com", mail.TextBody);
        Assert.Equal(HttpStatusCode.Redirect, held.Status);
        Assert.Contains("受限开放数据的下载已暂停", page.Text);
        Assert.Contains("captain@example.com", riskPage.Text);
        Assert.Equal(HttpStatusCode.Redirect, cleared.Status);
        Assert.Equal(HttpStatusCode.OK, again.Status);
        Assert.True(await site.AuditedAsync("data.risk.flagged", "flagged", teamId));
        Assert.True(await site.AuditedAsync("data.risk.cleared", "ok", teamId));
    }

    [Fact]
    public async Task Repeated_refused_requests_for_restricted_or_prohibited_files_flag_the_account_like_heavy_downloads_do()
    {
        await using var site = await SiteFactory.CreateAsync(settings: s => s["ContestSite:Bundles:RiskMaxRefused"] = "3", now: TeamTestKit.DuringRegistration);
        var relief = await site.DatasetAsync("低保救助对象名单");
        var secret = await site.DatasetAsync("公安户籍底册", Core.Catalog.OpenType.Prohibited);
        var open = await site.DatasetAsync("公交站点", Core.Catalog.OpenType.Unconditional);
        var (client, teamId) = await site.ApprovedTeamAsync("试探队", "prober@example.com");

        // Three refusals (two restricted, one prohibited) stay within the limit; a permitted download is no refusal.
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync($"/datasets/{relief.Id}/files/{relief.FileId}")).Status);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync($"/datasets/{relief.Id}/files/{relief.FileId}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/datasets/{secret.Id}/files/{secret.FileId}")).Status);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/datasets/{open.Id}/files/{open.FileId}")).Status);
        Assert.Equal(0, await site.WithDbAsync(db => db.RiskFlags.CountAsync()));
        Assert.Equal(3, await site.WithDbAsync(db => db.DownloadRecords.CountAsync(r => r.Refused && r.TeamId == teamId)));

        // The fourth refusal passes it: the account is flagged once, and those who handle flags are told why.
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/datasets/{secret.Id}/files/{secret.FileId}")).Status);

        var flag = await site.WithDbAsync(db => db.RiskFlags.AsNoTracking().SingleAsync());
        Assert.Equal(teamId, flag.TeamId);
        Assert.Contains("次请求未获许可的受限或禁止开放数据，超过 3 次", flag.Reason);
        var mail = await site.Smtp.WaitForAsync(SiteFactory.OrganizerEmail, m => m.Subject?.Contains("风险预警", StringComparison.Ordinal) == true);
        Assert.Contains("prober@example.com", mail.TextBody);
        Assert.Contains("4 次请求未获许可", mail.TextBody);
        Assert.True(await site.AuditedAsync("data.risk.flagged", "flagged", teamId));
    }

    [Fact]
    public async Task A_rule_that_would_serve_a_sensitive_field_clear_is_refused_and_nothing_is_saved()
    {
        await using var site = await TeamTestKit.SiteAsync();
        var relief = await site.DatasetAsync("低保救助对象名单");
        using var organizer = await site.OrganizerAsync();
        var form = await organizer.GetAsync($"/admin/bundles/masking/{relief.Id}");

        var refused = await organizer.PostFormAsync($"/admin/bundles/masking/{relief.Id}", new Dictionary<string, string>
        {
            ["Rules[0].FieldName"] = "姓名", ["Rules[0].Rule"] = "Keep",
            ["Rules[1].FieldName"] = "手机号", ["Rules[1].Rule"] = "KeepFirstLast", ["Rules[1].KeepFirst"] = "3",
        });
        var saved = await organizer.PostFormAsync($"/admin/bundles/masking/{relief.Id}", new Dictionary<string, string>
        {
            ["Rules[0].FieldName"] = "姓名", ["Rules[0].Rule"] = "PersonName",
            ["Rules[1].FieldName"] = "手机号", ["Rules[1].Rule"] = "KeepFirstLast", ["Rules[1].KeepFirst"] = "3", ["Rules[1].KeepLast"] = "4",
            ["Rules[2].FieldName"] = "身份证号", ["Rules[2].Rule"] = "KeyedHash",
        });

        Assert.Contains("（未设置：删除该列）", form.Text);
        Assert.Contains("已标记为敏感，不能原样提供", refused.Text);
        Assert.Contains("保留位数无效", refused.Text);
        Assert.Equal(HttpStatusCode.Redirect, saved.Status);
        var rules = await site.WithDbAsync(db => db.FieldMaskingRules.Where(r => r.DatasetId == relief.Id).Select(r => r.FieldName + "=" + r.Rule).ToListAsync());
        Assert.Equal(new[] { "姓名=PersonName", "身份证号=KeyedHash", "手机号=KeepFirstLast" }.Order(StringComparer.Ordinal), rules.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Keyed_hash_tokens_are_the_same_across_downloads_so_files_still_join()
    {
        await using var site = await TeamTestKit.SiteAsync();
        var relief = await site.DatasetAsync("低保救助对象名单");
        await site.WithDbAsync(db =>
        {
            db.FieldMaskingRules.Add(new Core.Bundles.FieldMaskingRule { DatasetId = relief.Id, FieldName = "身份证号", Rule = "KeyedHash" });
            return db.SaveChangesAsync();
        });
        var (client, teamId) = await site.ApprovedTeamAsync("关联队", "captain@example.com");
        await site.ApprovedApplicationAsync(client, teamId, relief.Id);
        var url = $"/datasets/{relief.Id}/files/{relief.FileId}";

        var first = (await client.GetAsync(url)).Html;
        var second = (await client.GetAsync(url)).Html;

        Assert.Equal(first, second);
        Assert.DoesNotContain("330106199001011234", first);
        Assert.DoesNotContain("张三", first);
    }

    [Fact]
    public async Task The_risk_page_states_the_volume_limit_in_megabytes_in_either_language()
    {
        await using var site = await SiteFactory.CreateAsync(settings: s => s["ContestSite:Bundles:RiskMaxBytes"] = (300L * 1024 * 1024).ToString(System.Globalization.CultureInfo.InvariantCulture));
        using var organizer = await site.OrganizerAsync();

        var chinese = (await organizer.GetAsync("/admin/data-risk")).Text;
        var english = (await organizer.GetAsync("/admin/data-risk?culture=en-US")).Text;

        Assert.Contains("下载超过 300 MB 或", chinese);
        Assert.Contains("downloads more than 300 MB or", english);
        Assert.DoesNotContain("314,572,800", chinese + english);
    }

    [Fact]
    public void A_download_volume_over_the_limit_is_explained_in_kilobytes_megabytes_or_gigabytes() =>
        Assert.Equal("24 小时内下载 2.5 GB，超过 2 GB",
            Core.Bundles.DownloadRisk.Exceeded(5L * 512 * 1024 * 1024, 1, new Core.Bundles.RiskLimits(2L * 1024 * 1024 * 1024, 100, TimeSpan.FromHours(24))));
}
