using System.Net;
using ContestSite.Core.Bundles;
using ContestSite.Web.Tests.Infrastructure;
using ContestSite.Web.Tests.Teams;
using Microsoft.EntityFrameworkCore;

namespace ContestSite.Web.Tests.Bundles;

/// <summary>
/// The data-use agreement has versions: organizers publish the next one with a note, each application keeps the exact
/// version accepted, and a form opened before a new version was published is refused rather than accepted unread.
/// </summary>
public sealed class AgreementTests
{
    private static Task<SiteClient.Page> PublishAsync(SiteClient organizer, string markdown, string note) =>
        organizer.PostFormAsync("/admin/agreements", new Dictionary<string, string> { ["Markdown"] = markdown, ["Note"] = note });

    private static Task<string> VersionsAsync(SiteFactory site) => site.WithDbAsync(async db =>
        string.Join("\n", await db.AgreementVersions.AsNoTracking().OrderBy(v => v.Id).Select(v => $"{v.Id}|{v.Kind}|{v.Number}|{v.Markdown}|{v.ChangeNote}").ToListAsync()));

    [Theory]
    [InlineData(TestProvider.Sqlite)]
    [InlineData(TestProvider.Postgres)]
    public async Task An_application_keeps_the_version_accepted_and_a_form_of_an_older_version_is_refused_after_a_new_one(TestProvider provider)
    {
        await using var site = await TeamTestKit.SiteAsync(provider);
        var relief = await site.DatasetAsync("低保救助对象名单");
        var medical = await site.DatasetAsync("医保结算明细");
        var (client, teamId) = await site.ApprovedTeamAsync("协议队", "captain@example.com");
        using var organizer = await site.OrganizerAsync();

        Assert.Equal(HttpStatusCode.Redirect, (await client.ApplyAsync(relief.Id)).Status);
        var published = await PublishAsync(organizer, "**本团队承诺**：数据仅用于参赛作品；赛后 30 日内删除并提交删除声明。", "增加删除声明");
        Assert.Equal(HttpStatusCode.Redirect, published.Status);
        var second = await site.WithDbAsync(db => db.AgreementVersions.SingleAsync(v => v.Number == 2 && v.Kind == AgreementKind.DataUse));

        var stale = await client.ApplyAsync(medical.Id, agreementVersion: 1);
        Assert.Contains("协议已更新，请阅读新版本后重新确认", stale.Text);
        Assert.Contains("赛后 30 日内删除并提交删除声明", stale.Text);
        Assert.False(await site.WithDbAsync(db => db.AccessApplications.AnyAsync(a => a.DatasetId == medical.Id)));

        Assert.Equal(HttpStatusCode.Redirect, (await client.ApplyAsync(medical.Id)).Status);
        var kept = await site.WithDbAsync(db => db.AccessApplications.Where(a => a.TeamId == teamId).OrderBy(a => a.Id).Select(a => a.AgreementVersionId).ToListAsync());
        Assert.Equal([1, second.Id], kept);
        var firstText = await client.GetAsync("/agreements/1");
        Assert.Contains("大赛结束后删除全部数据及其副本", firstText.Text);
        Assert.Contains("<strong>本团队承诺</strong>", (await client.GetAsync($"/agreements/{second.Id}")).Html);
        Assert.True(await site.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == "data.agreement-published")));
    }

    [Fact]
    public async Task A_version_without_a_note_without_text_or_without_a_change_is_refused_and_nothing_is_published()
    {
        await using var site = await TeamTestKit.SiteAsync();
        using var organizer = await site.OrganizerAsync();
        var before = await VersionsAsync(site);

        var noNote = await PublishAsync(organizer, "新的协议正文，足够长。", " ");
        var noText = await PublishAsync(organizer, "  ", "清空");
        var unchanged = await PublishAsync(organizer, AgreementRules.FirstDataUseAgreement, "原样再发一次");

        Assert.Contains("请说明本次修改的内容", noNote.Text);
        Assert.Contains("请填写协议正文", noText.Text);
        Assert.Contains("协议正文没有变化，无须发布新版本", unchanged.Text);
        Assert.Equal(before, await VersionsAsync(site));
    }

    [Fact]
    public async Task A_contestant_posting_a_new_agreement_is_refused_and_nothing_is_published()
    {
        await using var site = await TeamTestKit.SiteAsync();
        var contestant = await site.ContestantAsync("sneaky@example.com");
        var token = (await contestant.GetAsync("/data-requests/new")).AntiforgeryToken;
        var before = await VersionsAsync(site);

        var forged = await contestant.PostAsync("/admin/agreements",
            [new("Markdown", "数据可以随意使用。"), new("Note", "放宽"), new("__RequestVerificationToken", token ?? "")]);

        Assert.StartsWith("/account/access-denied", forged.Location!.PathAndQuery);
        Assert.Equal(before, await VersionsAsync(site));
    }

    private static Task<SiteClient.Page> PublishTermsAsync(SiteClient organizer, int trackId, string terms, string? note = null) =>
        organizer.PostFormAsync($"/admin/bundles/{trackId}", new Dictionary<string, string> { ["terms"] = terms, ["note"] = note ?? "" },
            $"/admin/bundles/{trackId}?handler=Terms");

    private static Task<SiteClient.Page> AcceptTermsAsync(SiteClient client, int? versionId, bool confirmed = true)
    {
        var fields = new Dictionary<string, string> { ["versionId"] = versionId?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "" };
        if (confirmed) fields["confirmed"] = "true";
        return client.PostFormAsync("/bundles", fields, "/bundles?handler=AcceptTerms");
    }

    private static Task<int> TermsVersionAsync(SiteFactory site, int trackId, int number) =>
        site.WithDbAsync(db => db.AgreementVersions.Where(v => v.Kind == AgreementKind.BundleTerms && v.TrackId == trackId && v.Number == number).Select(v => v.Id).SingleAsync());

    [Theory]
    [InlineData(TestProvider.Sqlite)]
    [InlineData(TestProvider.Postgres)]
    public async Task A_bundle_is_issued_only_after_the_captain_accepts_the_terms_in_force_and_a_new_version_asks_again(TestProvider provider)
    {
        await using var site = await TeamTestKit.SiteAsync(provider);
        var buses = await site.DatasetAsync("公交线路", Core.Catalog.OpenType.Unconditional, "线路,站点\n1路,武林广场\n", "lines.csv");
        var trackId = await site.TrackIdAsync();
        await site.PutInBundleAsync(trackId, buses.Id);
        using var team = await site.ApprovedTeamAsync();
        using var organizer = await site.OrganizerAsync();

        Assert.Equal(HttpStatusCode.Redirect, (await PublishTermsAsync(organizer, trackId, "数据仅用于**本届大赛**，赛后删除。")).Status);
        var first = await TermsVersionAsync(site, trackId, 1);

        using (var refused = await team.Member.Http.GetAsync("/bundles/download"))
        {
            Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
            Assert.Equal("/bundles", refused.Headers.Location?.ToString());
        }
        Assert.True(await site.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == "bundle.issue" && e.Outcome == "refused" && e.TeamId == team.Id)));
        var memberPage = await team.Member.GetAsync("/bundles");
        Assert.Contains("队长接受本版数据包使用条款后，团队才能下载数据包。", memberPage.Text);
        Assert.DoesNotContain("/bundles/download", memberPage.Html);
        Assert.Contains("只有队长可以代表团队接受数据包使用条款", (await AcceptTermsAsync(team.Member, first)).Text);
        Assert.Contains("请阅读并勾选接受数据包使用条款", (await AcceptTermsAsync(team.Captain, first, confirmed: false)).Text);
        Assert.Equal(0, await site.WithDbAsync(db => db.AgreementAcceptances.CountAsync(a => a.TeamId == team.Id)));

        Assert.Equal(HttpStatusCode.Redirect, (await AcceptTermsAsync(team.Captain, first)).Status);
        Assert.Contains("团队已接受该版本的使用条款", (await AcceptTermsAsync(team.Captain, first)).Text);
        var zip = await team.Member.DownloadBundleAsync();
        Assert.Equal("数据仅用于**本届大赛**，赛后删除。", zip.Manifest.GetProperty("terms").GetString());

        Assert.Equal(HttpStatusCode.Redirect, (await PublishTermsAsync(organizer, trackId, "数据仅用于本届大赛，赛后 30 日内删除。", "增加删除期限")).Status);
        var second = await TermsVersionAsync(site, trackId, 2);
        using (var again = await team.Member.Http.GetAsync("/bundles/download")) Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Contains("协议已更新，请阅读新版本后重新确认", (await AcceptTermsAsync(team.Captain, first)).Text);
        Assert.Equal(HttpStatusCode.Redirect, (await AcceptTermsAsync(team.Captain, second)).Status);
        await team.Member.DownloadBundleAsync();
        Assert.Equal([first, second], await site.WithDbAsync(db => db.AgreementAcceptances.Where(a => a.TeamId == team.Id).OrderBy(a => a.Id).Select(a => a.AgreementVersionId).ToListAsync()));
        Assert.Equal(2, await site.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Action == "bundle.terms-accepted" && e.TeamId == team.Id)));
    }

    [Fact]
    public async Task New_bundle_terms_without_a_note_after_the_first_version_are_refused_and_the_bundle_keeps_its_terms()
    {
        await using var site = await TeamTestKit.SiteAsync();
        var trackId = await site.TrackIdAsync();
        using var organizer = await site.OrganizerAsync();
        await PublishTermsAsync(organizer, trackId, "第一版条款。");

        var refused = await PublishTermsAsync(organizer, trackId, "第二版条款，没有说明。");

        Assert.Contains("请说明本次修改的内容", refused.Text);
        Assert.Equal("第一版条款。", await site.WithDbAsync(db => db.Bundles.Where(b => b.TrackId == trackId).Select(b => b.Terms).SingleAsync()));
        Assert.Equal(1, await site.WithDbAsync(db => db.AgreementVersions.CountAsync(v => v.Kind == AgreementKind.BundleTerms && v.TrackId == trackId)));
    }
}
