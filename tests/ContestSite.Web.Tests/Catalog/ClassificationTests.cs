using System.Net;
using ContestSite.Core.Catalog;
using ContestSite.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ContestSite.Web.Tests.Catalog;

/// <summary>
/// A dataset's classification (open type, level, sensitive fields) changes only with a reason, keeps its history, and
/// an organizer's decision outranks the portal's on a re-import.
/// </summary>
public sealed class ClassificationTests
{
    private const string Header = "source,region,title,description,department,domain,open_type,open_type_raw,update_frequency,formats,record_count,publish_date,update_date,tags,url";

    private static string Catalogue(string taxiOpenType, string taxiDescription = "出租车候客站点", string busOpenType = "无条件开放") => string.Join("\n", Header,
        $"data.example,浙江省,出租车站点,{taxiDescription},省交通运输厅,交通出行,{taxiOpenType},{taxiOpenType},每月,csv,10,2020-01-01,2020-02-01,出租,https://example/4",
        $"data.example,浙江省,公交站点,站点信息,省交通运输厅,交通出行,{busOpenType},{busOpenType},每月,csv,10,2020-01-01,2020-02-01,公交,https://example/1");

    private static Dictionary<string, string> Form(Dataset d, OpenType openType, string fields = "站点名称|文本", int? level = null, string? reason = null)
    {
        var form = new Dictionary<string, string>
        {
            ["Input.Title"] = d.Title, ["Input.Description"] = d.Description ?? "", ["Input.Provider"] = d.Provider ?? "",
            ["Input.OpenType"] = openType.ToString(), ["Input.Fields"] = fields,
        };
        if (level is { } l) form["Input.SensitivityLevel"] = l.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (reason is not null) form["Input.ClassificationReason"] = reason;
        return form;
    }

    private static Task<Dataset> TaxiAsync(SiteFactory site) =>
        site.WithDbAsync(db => db.Datasets.AsNoTracking().Include(d => d.Fields).SingleAsync(d => d.Title == "出租车站点"));

    private static Task<List<ClassificationChange>> HistoryAsync(SiteFactory site, Guid id) =>
        site.WithDbAsync(db => db.ClassificationChanges.AsNoTracking().Where(c => c.DatasetId == id).OrderBy(c => c.Id).ToListAsync());

    private static async Task<string> ImportOnAdminPageAsync(SiteClient organizer, string csv)
    {
        var token = (await organizer.GetAsync("/admin/datasets/import")).AntiforgeryToken!;
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(csv)), "file", "catalogue.csv" },
        };
        using var response = await organizer.Http.PostAsync("/admin/datasets/import", form);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_classification_change_needs_a_reason_and_is_kept_as_old_to_new_with_who_when_and_why()
    {
        await using var site = await SiteFactory.CreateAsync();
        await CatalogTestKit.ImportTextAsync(site, Catalogue("受限开放"));
        using var organizer = await site.OrganizerAsync();
        var taxi = await TaxiAsync(site);
        var url = $"/admin/datasets/{taxi.Id}";

        var noReason = await organizer.PostFormAsync(url, Form(taxi, OpenType.Prohibited));
        var tooLong = await organizer.PostFormAsync(url, Form(taxi, OpenType.Prohibited, reason: new string('因', 501)));

        Assert.Equal(HttpStatusCode.OK, noReason.Status);
        Assert.Contains("更改开放类型、分类分级或敏感字段时，请填写原因", noReason.Text);
        Assert.Contains("原因不能超过 500 个字符", tooLong.Text);
        Assert.Equal(OpenType.Restricted, (await TaxiAsync(site)).OpenType);
        Assert.Empty(await HistoryAsync(site, taxi.Id));
        Assert.Equal(0, await site.AuditCountAsync("catalog.dataset-classified"));
        Assert.Equal(0, await site.AuditCountAsync("catalog.dataset-changed"));

        var saved = await organizer.PostFormAsync(url, Form(taxi, OpenType.Prohibited, level: 3, reason: "含驾驶员个人信息，经评估不宜开放"));
        var marked = await organizer.PostFormAsync(url, Form(taxi, OpenType.Prohibited, "站点名称|文本\n驾驶员证号|文本||敏感", level: 3, reason: "标注驾驶员证号为敏感字段"));

        Assert.Equal(HttpStatusCode.Redirect, saved.Status);
        Assert.Equal(HttpStatusCode.Redirect, marked.Status);
        var history = await HistoryAsync(site, taxi.Id);
        Assert.Equal([(ClassificationFields.OpenType, "受限开放", "禁止开放"), (ClassificationFields.SensitivityLevel, "未分级", "L3"), (ClassificationFields.SensitiveFields, "无", "驾驶员证号")],
            history.Select(c => (c.Field, c.OldValue, c.NewValue)));
        Assert.All(history.Take(2), c => Assert.Equal("含驾驶员个人信息，经评估不宜开放", c.Reason));
        var organizerId = await site.OrganizerIdAsync();
        Assert.All(history, c => Assert.Equal(organizerId, c.ByUserId));
        Assert.All(history, c => Assert.Equal(site.Clock.GetUtcNow(), c.At));
        var decided = await TaxiAsync(site);
        Assert.Equal(ClassificationFields.OpenType | ClassificationFields.SensitivityLevel | ClassificationFields.SensitiveFields, decided.DecidedHere);
        var audited = await site.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(e => e.Action == "catalog.dataset-classified").OrderBy(e => e.Id).ToListAsync());
        Assert.Equal(2, audited.Count);
        Assert.All(audited, e => Assert.Equal(taxi.Id, e.DatasetId));
        Assert.Contains("受限开放 → 禁止开放", audited[0].Detail);
        Assert.True(await site.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == "catalog.dataset-changed" && e.DatasetId == taxi.Id)));

        // The admin page shows the whole record; the public page only the open-type changes.
        var admin = await organizer.GetAsync(url);
        Assert.Contains("分类记录", admin.Text);
        Assert.Contains("标注驾驶员证号为敏感字段", admin.Text);
        using var visitor = site.NewClient();
        var page = await visitor.GetAsync($"/datasets/{taxi.Id}");
        Assert.Contains("开放类型调整记录", page.Text);
        Assert.Contains("受限开放 → 禁止开放。原因：含驾驶员个人信息，经评估不宜开放", page.Text);
        Assert.DoesNotContain("标注驾驶员证号为敏感字段", page.Text);
    }

    [Fact]
    public async Task A_re_import_never_undoes_an_organizers_decision_and_reports_the_portals_value_for_review()
    {
        await using var site = await SiteFactory.CreateAsync();
        using var organizer = await site.OrganizerAsync();
        await ImportOnAdminPageAsync(organizer, Catalogue("受限开放"));
        var taxi = await TaxiAsync(site);
        await organizer.PostFormAsync($"/admin/datasets/{taxi.Id}", Form(taxi, OpenType.Prohibited, reason: "含驾驶员个人信息"));

        // The portal still says 受限开放 and has a new description; the bus dataset, never decided here, moves to 受限开放.
        var report = await ImportOnAdminPageAsync(organizer, Catalogue("受限开放", "出租车候客站点（2021 年版）", busOpenType: "受限开放"));

        Assert.Contains("门户与组委会决定不一致的分类（未更改，请复核）", report);
        Assert.Contains("出租车站点", report);
        var after = await TaxiAsync(site);
        Assert.Equal(OpenType.Prohibited, after.OpenType);
        Assert.Equal("出租车候客站点（2021 年版）", after.Description);
        Assert.Equal(OpenType.Restricted, await site.WithDbAsync(db => db.Datasets.Where(d => d.Title == "公交站点").Select(d => d.OpenType).SingleAsync()));
        var kept = await site.AuditEntryAsync("catalog.import-kept-decision");
        Assert.Equal(taxi.Id, kept.DatasetId);
        Assert.Contains("门户 受限开放，本站 禁止开放", kept.Detail);
        Assert.Single(await HistoryAsync(site, taxi.Id));
    }

    [Fact]
    public async Task The_source_links_to_the_datasets_page_on_its_portal_and_is_plain_text_where_the_export_gives_none()
    {
        await using var site = await SiteFactory.CreateAsync();
        // The default recipe's demonstration catalogue has made-up detail addresses on demo.contest.local.
        var demo = await site.WithDbAsync(db => db.Datasets.AsNoTracking().FirstAsync(d => d.Title == "杭州市公交线路与站点信息"));
        await CatalogTestKit.ImportTextAsync(site, """[{"资源名称":"西湖景区客流","发布部门":"杭州市文化广电旅游局","开放等级":"无条件开放","详情页网址":"https://data.hangzhou.gov.cn/dop/tpl/dataOpen/dataDetail.html?source_id=9"}]""");
        var real = await site.WithDbAsync(db => db.Datasets.AsNoTracking().SingleAsync(d => d.Title == "西湖景区客流"));
        using var visitor = site.NewClient();

        var demoPage = await visitor.GetAsync($"/datasets/{demo.Id}");
        var realPage = await visitor.GetAsync($"/datasets/{real.Id}");

        Assert.DoesNotContain("demo.contest.local/catalog", demoPage.Html);
        Assert.Contains("来源", demoPage.Text);
        Assert.Contains("href=\"https://data.hangzhou.gov.cn/dop/tpl/dataOpen/dataDetail.html?source_id=9\"", realPage.Html);
    }

    [Fact]
    public async Task The_level_decides_the_open_type_and_an_L3_dataset_open_on_application_needs_a_masking_rule_for_every_sensitive_field()
    {
        await using var site = await SiteFactory.CreateAsync();
        await CatalogTestKit.ImportTextAsync(site, Catalogue("受限开放"));
        using var organizer = await site.OrganizerAsync();
        var taxi = await TaxiAsync(site);
        var url = $"/admin/datasets/{taxi.Id}";
        const string Fields = "站点名称|文本\n驾驶员证号|文本||敏感";

        var l4Open = await organizer.PostFormAsync(url, Form(taxi, OpenType.Restricted, level: 4, reason: "评估为 L4"));
        var l3ForAll = await organizer.PostFormAsync(url, Form(taxi, OpenType.Unconditional, level: 3, reason: "评估为 L3"));
        var l3Unmasked = await organizer.PostFormAsync(url, Form(taxi, OpenType.Restricted, Fields, level: 3, reason: "评估为 L3"));

        Assert.Contains("L4 级数据只能禁止开放", l4Open.Text);
        Assert.Contains("L3 级数据不能无条件开放，只能受限开放或禁止开放", l3ForAll.Text);
        Assert.Contains("L3 级数据受限开放，须为每个敏感字段设置脱敏规则，尚未设置：驾驶员证号", l3Unmasked.Text);
        var unchanged = await TaxiAsync(site);
        Assert.Equal((OpenType.Restricted, (int?)null), (unchanged.OpenType, unchanged.SensitivityLevel));
        Assert.Empty(await HistoryAsync(site, taxi.Id));

        // The field first, its masking rule next, then the level.
        Assert.Equal(HttpStatusCode.Redirect, (await organizer.PostFormAsync(url, Form(taxi, OpenType.Restricted, Fields, reason: "标注驾驶员证号为敏感字段"))).Status);
        var masking = $"/admin/bundles/masking/{taxi.Id}";
        Assert.Equal(HttpStatusCode.Redirect, (await organizer.PostFormAsync(masking, new Dictionary<string, string>
            { ["Rules[0].FieldName"] = "站点名称", ["Rules[0].Rule"] = "Keep", ["Rules[1].FieldName"] = "驾驶员证号", ["Rules[1].Rule"] = "Drop" })).Status);
        Assert.Equal(HttpStatusCode.Redirect, (await organizer.PostFormAsync(url, Form(taxi, OpenType.Restricted, Fields, level: 3, reason: "评估为 L3"))).Status);
        Assert.Equal(3, (await TaxiAsync(site)).SensitivityLevel);

        // Taking the rule away again would leave the L3 dataset's sensitive field unmasked: refused, the rule stays.
        var unmasking = await organizer.PostFormAsync(masking, new Dictionary<string, string>
            { ["Rules[0].FieldName"] = "站点名称", ["Rules[0].Rule"] = "Keep", ["Rules[1].FieldName"] = "驾驶员证号", ["Rules[1].Rule"] = "" });
        Assert.Contains("尚未设置：驾驶员证号", unmasking.Text);
        Assert.Equal(["Drop"], await site.WithDbAsync(db => db.FieldMaskingRules.Where(r => r.DatasetId == taxi.Id && r.FieldName == "驾驶员证号").Select(r => r.Rule).ToListAsync()));
    }

    [Fact]
    public async Task A_published_dataset_is_classified_more_strictly_at_once_but_loosening_is_refused_until_it_goes_back_through_review()
    {
        await using var site = await SiteFactory.CreateAsync();
        using var organizer = await site.OrganizerAsync();
        var weather = await site.WithDbAsync(db => db.Datasets.AsNoTracking().Include(d => d.Fields).SingleAsync(d => d.Title == "气象站逐日观测数据"));
        Assert.Equal((DatasetStatus.Published, OpenType.Unconditional), (weather.Status, weather.OpenType));
        var url = $"/admin/datasets/{weather.Id}";
        const string Marked = "站名|文本\n站号|文本||敏感";
        const string Unmarked = "站名|文本\n站号|文本";
        Task<Dataset> WeatherAsync() => site.WithDbAsync(db => db.Datasets.AsNoTracking().Include(d => d.Fields).SingleAsync(d => d.Id == weather.Id));

        var tightened = await organizer.PostFormAsync(url, Form(weather, OpenType.Restricted, Marked, reason: "站号可定位设施，改为受限开放"));
        Assert.Equal(HttpStatusCode.Redirect, tightened.Status);
        var history = (await HistoryAsync(site, weather.Id)).Count;
        var audited = await site.AuditCountAsync("catalog.dataset-changed");

        var reopened = await organizer.PostFormAsync(url, Form(weather, OpenType.Unconditional, Marked, reason: "重新评估"));
        var unmarked = await organizer.PostFormAsync(url, Form(weather, OpenType.Restricted, Unmarked, reason: "重新评估"));

        foreach (var refused in new[] { reopened, unmarked })
        {
            Assert.Equal(HttpStatusCode.OK, refused.Status);
            Assert.Contains("已发布数据集的开放类型、分级或敏感字段只能收紧；要放宽，请先撤回为草稿，修改后提交审核", refused.Text);
        }
        var kept = await WeatherAsync();
        Assert.Equal((DatasetStatus.Published, OpenType.Restricted), (kept.Status, kept.OpenType));
        Assert.True(kept.Fields.Single(f => f.Name == "站号").IsSensitive);
        Assert.Equal(history, (await HistoryAsync(site, weather.Id)).Count);
        Assert.Equal(audited, await site.AuditCountAsync("catalog.dataset-changed"));

        // Back to draft (with a reason), the loosening is saved and the dataset opens again only through review.
        await organizer.PostFormAsync(url, new Dictionary<string, string> { ["reason"] = "重新评估开放类型" }, url + "/publication?handler=Unpublish");
        var loosened = await organizer.PostFormAsync(url, Form(weather, OpenType.Unconditional, Unmarked, reason: "复核：站号为公开信息"));

        Assert.Equal(HttpStatusCode.Redirect, loosened.Status);
        var reviewedAgain = await WeatherAsync();
        Assert.Equal((DatasetStatus.Draft, OpenType.Unconditional), (reviewedAgain.Status, reviewedAgain.OpenType));
    }

    [Fact]
    public void Loosening_is_a_more_open_type_a_lower_or_removed_level_or_a_field_no_longer_sensitive()
    {
        var strict = new Classification(OpenType.Restricted, 3, ["身份证号", "电话"]);

        Assert.True(strict with { OpenType = OpenType.Unconditional } is var open && open.Loosens(strict));
        Assert.True((strict with { SensitivityLevel = 2 }).Loosens(strict));
        Assert.True((strict with { SensitivityLevel = null }).Loosens(strict));
        Assert.True((strict with { SensitiveFields = ["电话"] }).Loosens(strict));
        Assert.False((strict with { OpenType = OpenType.Prohibited, SensitivityLevel = 4, SensitiveFields = ["身份证号", "电话", "住址"] }).Loosens(strict));
        Assert.False(strict.Loosens(strict));
    }
}
