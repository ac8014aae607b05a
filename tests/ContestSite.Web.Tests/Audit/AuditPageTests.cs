using System.Net;
using ContestSite.Web.Audit;
using ContestSite.Web.Tests.Infrastructure;

namespace ContestSite.Web.Tests.Audit;

/// <summary>The filters that make no sense share one site with one entry; the other tests have their own.</summary>
public sealed class AuditPageTests(AuditPageTests.OneEntry shared) : IClassFixture<AuditPageTests.OneEntry>
{
    public sealed class OneEntry : SharedSite
    {
        protected override async Task<SiteFactory> StartAsync()
        {
            var site = await SiteFactory.CreateAsync(now: AuditTestKit.BeforeEntries);
            await site.AppendAtAsync(AuditTestKit.China(10, 1, 9), new AuditEvent("bad.filter", "visible-row"));
            return site;
        }
    }

    [Theory]
    [InlineData(TestProvider.Sqlite)]
    [InlineData(TestProvider.Postgres)]
    public async Task Organizers_filter_by_action_prefix_actor_team_dataset_outcome_and_china_time(TestProvider provider)
    {
        await using var site = await SiteFactory.CreateAsync(provider, now: AuditTestKit.BeforeEntries);
        var team = await site.AddTeamAsync("数据先锋队");
        var dataset = await site.AddDatasetAsync("杭州市低保救助名单");
        await site.AppendAtAsync(AuditTestKit.China(10, 1, 9), new AuditEvent("bundle.download", "subject-a", "ok") { ActorName = "zhang@example.com", TeamId = team, DatasetId = dataset });
        await site.AppendAtAsync(AuditTestKit.China(10, 1, 10), new AuditEvent("bundle.refused", "subject-b", "expired") { ActorName = "li@example.com", TeamId = team });
        await site.AppendAtAsync(AuditTestKit.China(10, 2, 9), new AuditEvent("application.decided", "subject-c", "approved") { ActorName = "organizer@example.com", DatasetId = dataset });
        using var client = await site.OrganizerAsync();

        async Task<string[]> Subjects(string query)
        {
            var page = await client.GetAsync("/admin/audit" + query);
            Assert.Equal(HttpStatusCode.OK, page.Status);
            return new[] { "subject-a", "subject-b", "subject-c" }.Where(page.Html.Contains).ToArray();
        }

        Assert.Equal(["subject-a", "subject-b"], await Subjects("?action=bundle.*"));
        Assert.Equal(["subject-a"], await Subjects("?action=bundle.download"));
        Assert.Equal(["subject-b"], await Subjects("?actor=li%40"));
        Assert.Equal(["subject-a", "subject-b"], await Subjects($"?team={team}"));
        Assert.Equal(["subject-a", "subject-c"], await Subjects($"?dataset={dataset}"));
        Assert.Equal(["subject-b"], await Subjects("?outcome=expired"));
        Assert.Equal(["subject-a", "subject-b"], await Subjects("?from=2020-10-01T09:00&to=2020-10-01T10:00"));
        Assert.Equal(["subject-c"], await Subjects("?from=2020-10-01T10:01"));
        Assert.Equal(["subject-a"], await Subjects($"?action=bundle.*&team={team}&dataset={dataset}"));
    }

    [Fact]
    public async Task Team_names_and_dataset_titles_are_shown_next_to_the_ids()
    {
        await using var site = await SiteFactory.CreateAsync(now: AuditTestKit.BeforeEntries);
        var team = await site.AddTeamAsync("数据先锋队");
        var dataset = await site.AddDatasetAsync("杭州市低保救助名单");
        var entry = await site.AppendAtAsync(AuditTestKit.China(10, 1, 9), new AuditEvent("bundle.download", "bundle:1", "ok") { TeamId = team, DatasetId = dataset });
        using var client = await site.OrganizerAsync();

        var list = await client.GetAsync("/admin/audit");
        var detail = await client.GetAsync($"/admin/audit/{entry.Id}");

        Assert.Contains($"数据先锋队 #{team}", list.Text.Replace("  ", " "));
        Assert.Contains("杭州市低保救助名单", list.Text);
        Assert.Contains("数据先锋队", detail.Text);
        Assert.Contains("杭州市低保救助名单", detail.Text);
        Assert.Contains(dataset.ToString(), detail.Text);
        Assert.Contains("2020-10-01 09:00:00", detail.Text);
    }

    [Fact]
    public async Task Pages_go_back_in_time_by_entry_id_and_forward_again()
    {
        await using var site = await SiteFactory.CreateAsync(now: AuditTestKit.BeforeEntries);
        var first = await site.AppendAtAsync(AuditTestKit.China(10, 1, 9), new AuditEvent("paging.test", "row-0"));
        for (var i = 1; i < 120; i++) await site.AppendAtAsync(AuditTestKit.China(10, 1, 9).AddSeconds(i), new AuditEvent("paging.test", $"row-{i}"));
        using var client = await site.OrganizerAsync();

        var newest = await client.GetAsync("/admin/audit?action=paging.test");
        Assert.Contains("row-119<", newest.Html);
        Assert.Contains("row-70<", newest.Html);
        Assert.DoesNotContain("row-69<", newest.Html);
        Assert.DoesNotContain("较新的记录", newest.Text);

        var older = await client.GetAsync($"/admin/audit?action=paging.test&before={first.Id + 70}");
        Assert.Contains("row-69<", older.Html);
        Assert.Contains("row-20<", older.Html);
        Assert.DoesNotContain("row-70<", older.Html);
        Assert.Contains("较新的记录", older.Text);
        Assert.Contains("较早的记录", older.Text);

        var oldest = await client.GetAsync($"/admin/audit?action=paging.test&before={first.Id + 20}");
        Assert.Contains("row-0<", oldest.Html);
        Assert.DoesNotContain("较早的记录", oldest.Text);

        var back = await client.GetAsync($"/admin/audit?action=paging.test&after={first.Id + 19}");
        Assert.Contains("row-20<", back.Html);
        Assert.Contains("row-69<", back.Html);
        Assert.DoesNotContain("row-70<", back.Html);
    }

    [Theory]
    [InlineData("?team=abc", "团队编号应为正整数：abc")]
    [InlineData("?dataset=not-a-guid", "数据集编号格式不对：not-a-guid")]
    [InlineData("?from=yesterday", "开始时间格式不对：yesterday")]
    [InlineData("?from=2020-10-02T00:00&to=2020-10-01T00:00", "开始时间晚于结束时间")]
    public async Task A_filter_value_that_makes_no_sense_is_named_in_a_clear_message_and_no_rows_are_shown(string query, string message)
    {
        using var client = await shared.Site.OrganizerAsync();

        var page = await client.GetAsync("/admin/audit" + query);
        var csv = await client.GetAsync("/admin/audit" + query + "&handler=Csv");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains(message, page.Text);
        Assert.DoesNotContain("visible-row", page.Html);
        Assert.Contains(message, csv.Text);
    }

    [Fact]
    public async Task Someone_without_the_audit_permission_can_neither_see_nor_export_the_log()
    {
        await using var site = await SiteFactory.CreateAsync(now: AuditTestKit.BeforeEntries);
        await site.CreateUserAsync("contestant@example.com", "Contestant-pass-1", "Contestant");
        using var client = site.CreateSiteClient();
        await client.SignInAsync("contestant@example.com", "Contestant-pass-1");

        foreach (var url in new[] { "/admin/audit", "/admin/audit?handler=Csv", "/admin/audit?handler=Xlsx", "/admin/audit/1" })
        {
            var page = await client.GetAsync(url);
            Assert.True(page.Status is HttpStatusCode.Forbidden or HttpStatusCode.Redirect, $"{url} answered {page.Status}");
            Assert.DoesNotContain("account.signin", page.Html);
        }
    }

    [Fact]
    public async Task The_admin_menu_links_to_the_audit_log_and_the_page_states_the_retention()
    {
        await using var site = await SiteFactory.CreateAsync(settings: s => s["ContestSite:Audit:RetentionMonths"] = "18");
        using var client = await site.OrganizerAsync();

        var page = await client.GetAsync("/admin/audit");

        Assert.Contains("href=\"/admin/audit\"", page.Html);
        Assert.Contains("审计日志", page.Text);
        Assert.Contains("记录至少保留 18 个月", page.Text);
    }
}
