using ContestSite.Core.Catalog;
using ContestSite.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ContestSite.Web.Tests.Catalog;

/// <summary>Datasets made, submitted and reviewed through the admin pages, and the state a refused review must leave alone.</summary>
internal static class ReviewTestKit
{
    /// <summary>A dataset made on the admin form as a draft; returns its id.</summary>
    public static async Task<Guid> DraftAsync(SiteFactory site, SiteClient organizer, string title, string fields = "站点名称|文本", OpenType openType = OpenType.Unconditional)
    {
        var saved = await organizer.PostFormAsync("/admin/datasets/new", new Dictionary<string, string>
        {
            ["Input.Title"] = title, ["Input.Provider"] = "杭州市交通运输局", ["Input.OpenType"] = openType.ToString(), ["Input.Fields"] = fields,
        });
        Assert.Equal(System.Net.HttpStatusCode.Redirect, saved.Status);
        return await site.WithDbAsync(db => db.Datasets.Where(d => d.Title == title).Select(d => d.Id).SingleAsync());
    }

    public static Task<SiteClient.Page> SubmitAsync(SiteClient organizer, Guid id) =>
        organizer.PostFormAsync($"/admin/datasets/{id}", new Dictionary<string, string>(), $"/admin/datasets/{id}/publication?handler=Submit");

    public static Task<SiteClient.Page> WithdrawAsync(SiteClient organizer, Guid id) =>
        organizer.PostFormAsync($"/admin/datasets/{id}", new Dictionary<string, string>(), $"/admin/datasets/{id}/publication?handler=Withdraw");

    public static Dictionary<string, string> Approval(bool maskingComplete = false) => new()
    {
        ["Form.Decision"] = nameof(ReviewDecision.Approved), ["Form.LevelConfirmed"] = "true", ["Form.SensitiveFieldsConfirmed"] = "true",
        ["Form.MaskingRulesComplete"] = maskingComplete ? "true" : "false", ["Form.OpenTypeJustification"] = "站点位置属公共信息，可无条件开放",
    };

    /// <summary>Posts the review form of the dataset's page for the round it is in now (or <paramref name="round"/>).</summary>
    public static async Task<SiteClient.Page> ReviewAsync(SiteFactory site, SiteClient reviewer, Guid id, Dictionary<string, string> assessment, int? round = null)
    {
        var current = await site.WithDbAsync(db => db.Datasets.Where(d => d.Id == id).Select(d => d.ReviewRound).SingleAsync());
        var fields = new Dictionary<string, string>(assessment) { ["Round"] = (round ?? current).ToString(System.Globalization.CultureInfo.InvariantCulture) };
        return await reviewer.PostFormAsync("/admin/datasets/new", fields, $"/admin/datasets/{id}/review");
    }

    public static Task<DatasetStatus> StatusAsync(SiteFactory site, Guid id) =>
        site.WithDbAsync(db => db.Datasets.Where(d => d.Id == id).Select(d => d.Status).SingleAsync());

    /// <summary>The state a refused review leaves alone: the status, no review row, no review audit entry.</summary>
    public static async Task AssertNotReviewedAsync(SiteFactory site, Guid id, DatasetStatus status)
    {
        Assert.Equal(status, await StatusAsync(site, id));
        Assert.False(await site.WithDbAsync(db => db.DatasetReviews.AnyAsync(r => r.DatasetId == id)));
        Assert.False(await site.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == "catalog.dataset-reviewed" && e.DatasetId == id)));
    }

    private const string Header = "source,region,title,description,department,domain,open_type,open_type_raw,update_frequency,formats,record_count,publish_date,update_date,tags,url";

    /// <summary>A portal export (the combined CSV) of <paramref name="count"/> open datasets titled "{prefix} 1", "{prefix} 2"...</summary>
    public static string Catalogue(string prefix, int count, string description = "站点信息") => string.Join("\n",
        new[] { Header }.Concat(Enumerable.Range(1, count).Select(i =>
            $"data.example,浙江省,{prefix} {i},{description},省交通运输厅,交通出行,无条件开放,无条件开放,每月,csv,10,2020-01-01,2020-02-01,交通,https://example/{prefix}/{i}")));

    /// <summary>Imports a catalogue on the admin page as <paramref name="organizer"/>; returns the page.</summary>
    public static async Task<string> ImportOnAdminPageAsync(SiteClient organizer, string csv)
    {
        var token = (await organizer.GetAsync("/admin/datasets/import")).AntiforgeryToken!;
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(csv)), "file", "catalogue.csv" },
        };
        using var response = await organizer.Http.PostAsync("/admin/datasets/import", form);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        return System.Net.WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }
}
