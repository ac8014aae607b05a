using System.Net;
using ContestSite.Core.Teams;
using ContestSite.Web.Tests.Infrastructure;
using MiniExcelLibs;
using static ContestSite.Web.Tests.Teams.TeamTestKit;

namespace ContestSite.Web.Tests.Teams;

public sealed class TeamAdminTests
{
    private static Task<SiteClient.Page> AdminActAsync(SiteClient organizer, int teamId, string handler, Dictionary<string, string>? fields = null) =>
        organizer.PostFormAsync($"/admin/teams/{teamId}", fields ?? [], $"/admin/teams/{teamId}?handler={handler}");

    private static async Task<int> SubmittedTeamAsync(SiteFactory site, SiteClient captain, string name)
    {
        var teamId = await captain.CreateTeamAsync(site, name);
        await captain.PostFormAsync($"/teams/{teamId}", new Dictionary<string, string>(), $"/teams/{teamId}?handler=Submit");
        return teamId;
    }

    [Theory]
    [InlineData(TestProvider.Sqlite)]
    [InlineData(TestProvider.Postgres)]
    public async Task An_organizer_rejects_a_team_with_a_reason_the_team_is_emailed_and_then_approves_it(TestProvider provider)
    {
        await using var site = await SiteAsync(provider);
        using var captain = await site.ContestantAsync("captain@test.local");
        var teamId = await SubmittedTeamAsync(site, captain, "<b>审核</b>队");
        using var organizer = await site.OrganizerAsync();

        var withoutReason = await AdminActAsync(organizer, teamId, "Reject");
        Assert.Contains("请填写不通过的原因", withoutReason.Text);
        Assert.Equal(TeamStatus.Submitted, (await site.TeamAsync(teamId)).Status);

        await AdminActAsync(organizer, teamId, "Reject", new() { ["reason"] = "单位名称不完整" });
        var rejection = await site.Smtp.WaitForAsync("captain@test.local", m => m.Subject?.Contains("未通过") == true);
        Assert.Contains("单位名称不完整", rejection.TextBody);
        Assert.Contains("&lt;b&gt;审核&lt;/b&gt;队", rejection.HtmlBody);
        Assert.Contains("单位名称不完整", (await captain.GetAsync($"/teams/{teamId}")).Text);

        await captain.PostFormAsync($"/teams/{teamId}", new Dictionary<string, string>(), $"/teams/{teamId}?handler=Submit");
        await AdminActAsync(organizer, teamId, "Approve");
        await site.Smtp.WaitForAsync("captain@test.local", m => m.Subject?.Contains("已通过") == true);
        Assert.Equal(TeamStatus.Approved, (await site.TeamAsync(teamId)).Status);
        Assert.Equal(1, await site.AuditCountAsync("team.rejected"));
        Assert.Equal(1, await site.AuditCountAsync("team.approved"));
    }

    [Theory]
    [InlineData(TestProvider.Sqlite)]
    [InlineData(TestProvider.Postgres)]
    public async Task An_organizer_disqualifies_and_restores_a_team_and_moves_a_member_after_the_roster_lock(TestProvider provider)
    {
        await using var site = await SiteAsync(provider);
        using var first = await site.ContestantAsync("first@test.local");
        using var second = await site.ContestantAsync("second@test.local");
        using var member = await site.ContestantAsync("member@test.local");
        var from = await SubmittedTeamAsync(site, first, "原队");
        var to = await second.CreateTeamAsync(site, "新队", "新队长");
        await member.JoinAsync(await site.InviteCodeAsync(from), "吴十");
        var memberId = (await site.TeamAsync(from)).Members.Single(m => m.Role == TeamRole.Member).UserId;
        site.Clock.SetUtcNow(AfterRosterLock);
        using var organizer = await site.OrganizerAsync();

        await AdminActAsync(organizer, from, "Disqualify", new() { ["reason"] = "违反参赛规则" });
        Assert.Equal(TeamStatus.Disqualified, (await site.TeamAsync(from)).Status);
        await AdminActAsync(organizer, from, "Restore");
        Assert.Equal(TeamStatus.Submitted, (await site.TeamAsync(from)).Status);
        var moved = await AdminActAsync(organizer, from, "Move", new() { ["memberId"] = memberId, ["toTeamId"] = to.ToString(System.Globalization.CultureInfo.InvariantCulture) });

        Assert.Equal(HttpStatusCode.Redirect, moved.Status);
        Assert.Single((await site.TeamAsync(from)).Members);
        Assert.Contains((await site.TeamAsync(to)).Members, m => m.UserId == memberId);
        Assert.Equal(1, await site.AuditCountAsync("team.disqualified"));
        Assert.Equal(1, await site.AuditCountAsync("team.restored"));
        Assert.Equal(1, await site.AuditCountAsync("team.member-moved"));
    }

    [Fact]
    public async Task The_team_list_filters_by_status_and_shows_names_with_markup_as_text()
    {
        await using var site = await SiteAsync();
        using var first = await site.ContestantAsync("first@test.local");
        using var second = await site.ContestantAsync("second@test.local");
        await SubmittedTeamAsync(site, first, "<img src=x onerror=alert(1)>队");
        await second.CreateTeamAsync(site, "草稿队", "草稿队长");
        using var organizer = await site.OrganizerAsync();

        var submitted = await organizer.GetAsync("/admin/teams?status=Submitted");
        var drafts = await organizer.GetAsync("/admin/teams?status=Draft&q=草稿");

        Assert.Contains("&lt;img src=x onerror=alert(1)&gt;队", submitted.Html);
        Assert.DoesNotContain("<img src=x", submitted.Html);
        Assert.DoesNotContain("草稿队", submitted.Text);
        Assert.Contains("草稿队", drafts.Text);
        Assert.Contains("共 1 个团队", drafts.Text);
    }

    [Fact]
    public async Task The_export_neutralises_formulas_in_csv_with_a_bom_and_in_xlsx()
    {
        await using var site = await SiteAsync();
        using var captain = await site.ContestantAsync("captain@test.local");
        await captain.CreateTeamAsync(site, "=HYPERLINK(\"http://x\")", "@张三");
        using var organizer = await site.OrganizerAsync();

        var csv = await organizer.Http.GetByteArrayAsync("/admin/teams?handler=Csv");
        var xlsx = await organizer.Http.GetByteArrayAsync("/admin/teams?handler=Xlsx");

        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, csv[..3]);
        var text = System.Text.Encoding.UTF8.GetString(csv[3..]);
        Assert.Contains("\"'=HYPERLINK(\"\"http://x\"\")\"", text);
        Assert.Contains(",'@张三,", text);
        Assert.Contains("13812341234", text);
        var rows = new MemoryStream(xlsx).Query(useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        var row = Assert.Single(rows);
        Assert.Equal("'=HYPERLINK(\"http://x\")", row["团队名称"]);
        Assert.Equal("'@张三", row["成员"]);
    }

    [Fact]
    public async Task Contestants_cannot_open_the_organizers_team_pages_or_export()
    {
        await using var site = await SiteAsync();
        using var person = await site.ContestantAsync("person@test.local");

        foreach (var url in new[] { "/admin/teams", "/admin/teams?handler=Csv" })
        {
            var page = await person.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, page.Status);
            Assert.Contains("/account/access-denied", page.Location!.OriginalString);
        }
    }
}
