using System.Net;
using ContestSite.Core.Catalog;
using ContestSite.Web.Tests.Bundles;
using ContestSite.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static ContestSite.Web.Tests.Catalog.ReviewTestKit;

namespace ContestSite.Web.Tests.Catalog;

/// <summary>
/// Review before opening (开放前评估审查): a dataset goes draft → in review → published only with the assessment of an
/// organizer other than the one who submitted or last changed it; every refusal says why and changes nothing.
/// The tests share one site: each works on datasets of its own (titled apart), and none moves the clock.
/// </summary>
public sealed class DatasetReviewTests(SharedSite shared) : IClassFixture<SharedSite>
{
    /// <summary>A title no other test of the shared site gives its dataset (the drafts are found by title).</summary>
    private static string Unique(string title) => $"{title}{Guid.NewGuid().ToString("N")[..6]}";

    [Fact]
    public async Task A_dataset_made_by_hand_is_published_only_after_a_second_organizer_records_the_assessment()
    {
        var site = shared.Site;
        var title = Unique("公共自行车站点");
        using var organizer = await site.OrganizerAsync();
        var id = await DraftAsync(site, organizer, title);
        var organizerId = await site.OrganizerIdAsync();

        Assert.Equal(DatasetStatus.Draft, await StatusAsync(site, id));
        Assert.Equal(HttpStatusCode.Redirect, (await SubmitAsync(organizer, id)).Status);

        var submitted = await site.WithDbAsync(db => db.Datasets.AsNoTracking().SingleAsync(d => d.Id == id));
        Assert.Equal((DatasetStatus.InReview, 1, organizerId), (submitted.Status, submitted.ReviewRound, submitted.SubmittedById));
        Assert.Equal(site.Clock.GetUtcNow(), submitted.SubmittedAt);
        Assert.True(await site.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == "catalog.dataset-submitted" && e.DatasetId == id && e.ActorId == organizerId)));
        using var visitor = site.CreateSiteClient();
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync($"/datasets/{id}")).Status);

        await site.SecondOrganizerIdAsync();
        using var reviewer = await site.SignedInAsync(CatalogReviewBuilders.SecondOrganizerEmail);
        var reviewPage = await reviewer.GetAsync($"/admin/datasets/{id}/review");
        Assert.Contains(title, reviewPage.Text);
        var approved = await ReviewAsync(site, reviewer, id, Approval());

        Assert.Equal(HttpStatusCode.Redirect, approved.Status);
        var published = await site.WithDbAsync(db => db.Datasets.AsNoTracking().SingleAsync(d => d.Id == id));
        Assert.Equal(DatasetStatus.Published, published.Status);
        Assert.Equal(site.Clock.GetUtcNow(), published.FirstPublished);
        var review = await site.WithDbAsync(db => db.DatasetReviews.AsNoTracking().SingleAsync(r => r.DatasetId == id));
        Assert.Equal((ReviewDecision.Approved, 1, true, true, false, organizerId), (review.Decision, review.Round, review.LevelConfirmed, review.SensitiveFieldsConfirmed, review.MaskingRulesComplete, review.SubmittedById));
        Assert.Equal(await site.SecondOrganizerIdAsync(), review.ReviewerId);
        Assert.Equal("站点位置属公共信息，可无条件开放", review.OpenTypeJustification);
        var audited = await site.WithDbAsync(db => db.AuditEntries.SingleAsync(e => e.Action == "catalog.dataset-reviewed" && e.DatasetId == id));
        Assert.Equal("approved", audited.Outcome);
        Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync($"/datasets/{id}")).Status);
        var adminPage = await organizer.GetAsync($"/admin/datasets/{id}");
        Assert.Contains("审核记录", adminPage.Text);
        Assert.Contains("second-organizer", adminPage.Text);
    }

    [Fact]
    public async Task The_submitter_reviewing_their_own_dataset_is_refused_and_nothing_changes()
    {
        var site = shared.Site;
        var title = Unique("公共自行车站点");
        using var organizer = await site.OrganizerAsync();
        var id = await DraftAsync(site, organizer, title);
        await SubmitAsync(organizer, id);

        var page = await ReviewAsync(site, organizer, id, Approval());

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains($"“{title}”由您提交审核，须由另一位组织者审核", page.Text);
        await AssertNotReviewedAsync(site, id, DatasetStatus.InReview);
    }

    [Fact]
    public async Task The_organizer_who_last_changed_a_dataset_may_not_review_it_though_another_submitted_it()
    {
        var site = shared.Site;
        var title = Unique("公共自行车站点");
        using var organizer = await site.OrganizerAsync();
        await site.SecondOrganizerIdAsync();
        using var second = await site.SignedInAsync(CatalogReviewBuilders.SecondOrganizerEmail);
        var id = await DraftAsync(site, second, title);
        await SubmitAsync(organizer, id);

        var page = await ReviewAsync(site, second, id, Approval());

        Assert.Contains($"“{title}”最近一次由您修改，须由另一位组织者审核", page.Text);
        await AssertNotReviewedAsync(site, id, DatasetStatus.InReview);
    }

    [Fact]
    public async Task A_review_that_says_the_masking_rules_are_complete_while_a_sensitive_field_has_none_is_refused()
    {
        var site = shared.Site;
        using var organizer = await site.OrganizerAsync();
        var id = await DraftAsync(site, organizer, "公共自行车租用记录", "站点名称|文本\n手机号|文本||敏感", OpenType.Restricted);
        await SubmitAsync(organizer, id);
        await site.SecondOrganizerIdAsync();
        using var reviewer = await site.SignedInAsync(CatalogReviewBuilders.SecondOrganizerEmail);

        var page = await ReviewAsync(site, reviewer, id, Approval(maskingComplete: true));

        Assert.Contains("“公共自行车租用记录”的脱敏规则并不完整，尚未设置：手机号", page.Text);
        await AssertNotReviewedAsync(site, id, DatasetStatus.InReview);
    }

    [Fact]
    public async Task Approving_a_draft_that_was_never_submitted_is_refused()
    {
        var site = shared.Site;
        var title = Unique("公共自行车站点");
        using var organizer = await site.OrganizerAsync();
        var id = await DraftAsync(site, organizer, title);
        await site.SecondOrganizerIdAsync();
        using var reviewer = await site.SignedInAsync(CatalogReviewBuilders.SecondOrganizerEmail);

        var page = await ReviewAsync(site, reviewer, id, Approval());

        Assert.Contains("不在待审核状态", page.Text);
        await AssertNotReviewedAsync(site, id, DatasetStatus.Draft);
    }

    [Fact]
    public async Task A_review_of_a_dataset_withdrawn_meanwhile_or_submitted_again_is_refused()
    {
        var site = shared.Site;
        var title = Unique("公共自行车站点");
        using var organizer = await site.OrganizerAsync();
        var id = await DraftAsync(site, organizer, title);
        await SubmitAsync(organizer, id);
        await site.SecondOrganizerIdAsync();
        using var reviewer = await site.SignedInAsync(CatalogReviewBuilders.SecondOrganizerEmail);
        Assert.Contains("提交审核结论", (await reviewer.GetAsync($"/admin/datasets/{id}/review")).Text);

        Assert.Equal(HttpStatusCode.Redirect, (await WithdrawAsync(organizer, id)).Status);
        var whileDraft = await ReviewAsync(site, reviewer, id, Approval(), round: 1);
        await SubmitAsync(organizer, id);
        var afterResubmission = await ReviewAsync(site, reviewer, id, Approval(), round: 1);

        Assert.Contains("不在待审核状态", whileDraft.Text);
        Assert.Contains("被撤回并重新提交", afterResubmission.Text);
        await AssertNotReviewedAsync(site, id, DatasetStatus.InReview);
        Assert.True(await site.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == "catalog.dataset-withdrawn" && e.DatasetId == id)));
    }

    [Fact]
    public async Task An_approval_without_confirmations_or_a_return_without_a_reason_is_refused()
    {
        var site = shared.Site;
        var title = Unique("公共自行车站点");
        using var organizer = await site.OrganizerAsync();
        var id = await DraftAsync(site, organizer, title);
        await SubmitAsync(organizer, id);
        await site.SecondOrganizerIdAsync();
        using var reviewer = await site.SignedInAsync(CatalogReviewBuilders.SecondOrganizerEmail);

        var unconfirmed = await ReviewAsync(site, reviewer, id, new() { ["Form.Decision"] = "Approved", ["Form.OpenTypeJustification"] = "公共信息" });
        var unjustified = await ReviewAsync(site, reviewer, id, new(Approval()) { ["Form.OpenTypeJustification"] = " " });
        var noReason = await ReviewAsync(site, reviewer, id, new() { ["Form.Decision"] = "Returned" });
        var noDecision = await ReviewAsync(site, reviewer, id, new() { ["Form.LevelConfirmed"] = "true" });

        Assert.Contains("批准发布前，须确认分类分级和敏感字段", unconfirmed.Text);
        Assert.Contains("批准发布前，请说明开放类型的依据", unjustified.Text);
        Assert.Contains("退回草稿时，请填写原因", noReason.Text);
        Assert.Contains("请选择审核结论", noDecision.Text);
        await AssertNotReviewedAsync(site, id, DatasetStatus.InReview);
    }

    [Fact]
    public async Task A_returned_dataset_goes_back_to_draft_with_the_reason_kept_and_can_be_edited_and_submitted_again()
    {
        var site = shared.Site;
        var title = Unique("公共自行车站点");
        using var organizer = await site.OrganizerAsync();
        var id = await DraftAsync(site, organizer, title);
        await SubmitAsync(organizer, id);
        await site.SecondOrganizerIdAsync();
        using var reviewer = await site.SignedInAsync(CatalogReviewBuilders.SecondOrganizerEmail);

        var returned = await ReviewAsync(site, reviewer, id, new() { ["Form.Decision"] = "Returned", ["Form.ReturnReason"] = "缺少字段说明" });

        Assert.Equal(HttpStatusCode.Redirect, returned.Status);
        Assert.Equal(DatasetStatus.Draft, await StatusAsync(site, id));
        var review = await site.WithDbAsync(db => db.DatasetReviews.AsNoTracking().SingleAsync(r => r.DatasetId == id));
        Assert.Equal((ReviewDecision.Returned, "缺少字段说明"), (review.Decision, review.ReturnReason));
        Assert.Equal("returned", (await site.AuditEntryAsync("catalog.dataset-reviewed")).Outcome);
        Assert.Equal(HttpStatusCode.Redirect, (await SubmitAsync(organizer, id)).Status);
        Assert.Equal(2, await site.WithDbAsync(db => db.Datasets.Where(d => d.Id == id).Select(d => d.ReviewRound).SingleAsync()));
    }

    [Fact]
    public async Task A_dataset_in_review_cannot_be_edited_or_get_files_until_it_is_withdrawn()
    {
        var site = shared.Site;
        var title = Unique("公共自行车站点");
        using var organizer = await site.OrganizerAsync();
        var id = await DraftAsync(site, organizer, title);
        await SubmitAsync(organizer, id);

        var edit = await organizer.PostFormAsync($"/admin/datasets/{id}", new Dictionary<string, string>
        {
            ["Input.Title"] = "改过的标题", ["Input.OpenType"] = "Unconditional", ["Input.Fields"] = "站点名称|文本",
        });

        Assert.Contains("该数据集正在审核中，不能修改；如需修改，请先撤回审核", edit.Text);
        Assert.Equal(title, await site.WithDbAsync(db => db.Datasets.Where(d => d.Id == id).Select(d => d.Title).SingleAsync()));
        Assert.Equal(0, await site.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Action == "catalog.dataset-changed" && e.DatasetId == id)));
        await WithdrawAsync(organizer, id);
        var again = await organizer.PostFormAsync($"/admin/datasets/{id}", new Dictionary<string, string>
        {
            ["Input.Title"] = "改过的标题", ["Input.OpenType"] = "Unconditional", ["Input.Fields"] = "站点名称|文本",
        });
        Assert.Equal(HttpStatusCode.Redirect, again.Status);
    }

    [Fact]
    public async Task Unpublishing_needs_a_reason_and_is_audited_with_the_dataset()
    {
        var site = shared.Site;
        using var organizer = await site.OrganizerAsync();
        var id = await site.WithDbAsync(db => db.Datasets.Where(d => d.Title == "气象站逐日观测数据").Select(d => d.Id).SingleAsync());
        var unpublish = $"/admin/datasets/{id}/publication?handler=Unpublish";

        var noReason = await organizer.PostFormAsync($"/admin/datasets/{id}", new Dictionary<string, string> { ["reason"] = "  " }, unpublish);
        Assert.Equal(DatasetStatus.Published, await StatusAsync(site, id));
        Assert.Equal(0, await site.AuditCountAsync("catalog.dataset-unpublished"));
        Assert.Contains("下架已发布的数据集时，请填写原因", (await organizer.GetAsync(noReason.Location!.OriginalString)).Text);

        await organizer.PostFormAsync($"/admin/datasets/{id}", new Dictionary<string, string> { ["reason"] = "数据源停止更新" }, unpublish);

        Assert.Equal(DatasetStatus.Draft, await StatusAsync(site, id));
        var entry = await site.AuditEntryAsync("catalog.dataset-unpublished");
        Assert.Equal(id, entry.DatasetId);
        Assert.Contains("数据源停止更新", entry.Detail);
    }

    [Fact]
    public async Task A_contestant_a_judge_and_an_anonymous_visitor_posting_the_review_form_are_refused()
    {
        var site = shared.Site;
        var title = Unique("公共自行车站点");
        using var organizer = await site.OrganizerAsync();
        var id = await DraftAsync(site, organizer, title);
        await SubmitAsync(organizer, id);
        using var contestant = await site.ContestantAsync("contestant@example.com");
        await site.JudgeAsync("judge@example.com");
        using var judge = await site.SignedInAsync("judge@example.com");
        using var anonymous = site.CreateSiteClient();
        var form = new Dictionary<string, string>(Approval()) { ["Round"] = "1" };

        foreach (var (client, url) in new[] { (contestant, $"/admin/datasets/{id}/review"), (judge, $"/admin/datasets/{id}/review"),
                     (contestant, "/admin/datasets/review-batch?handler=Decide"), (judge, $"/admin/datasets/{id}/publication?handler=Unpublish") })
        {
            var refused = await client.PostAsync(url, new Dictionary<string, string>(form) { ["Items"] = $"{id}:1" });
            Assert.True(refused.Status == HttpStatusCode.Forbidden || refused.Location?.OriginalString.Contains("/account/access-denied", StringComparison.Ordinal) == true,
                $"{url} answered {refused.Status} {refused.Location}");
        }
        var anonymousPost = await anonymous.PostAsync($"/admin/datasets/{id}/review", form);
        Assert.True(anonymousPost.Status is HttpStatusCode.Redirect or HttpStatusCode.Unauthorized, $"anonymous answered {anonymousPost.Status}");
        Assert.Contains("/account/login", anonymousPost.Location?.OriginalString ?? "/account/login");

        await AssertNotReviewedAsync(site, id, DatasetStatus.InReview);
    }

    [Fact]
    public async Task A_dataset_in_review_is_not_public_in_search_the_details_page_the_api_or_the_bundle_editor()
    {
        var site = shared.Site;
        using var organizer = await site.OrganizerAsync();
        var id = await DraftAsync(site, organizer, "蓝莓骑行驿站");
        await SubmitAsync(organizer, id);
        using var visitor = site.CreateSiteClient();
        var trackId = await site.TrackIdAsync();
        // An indexed dataset the index must pass over: it shows the follower caught up with the change log.
        var published = await site.WithDbAsync(db => db.Datasets.Where(d => d.Status == DatasetStatus.Published).Select(d => d.Id).FirstAsync());
        await site.PublishThroughReviewAsync(await DraftAsync(site, organizer, "柠檬骑行驿站"));
        await CatalogTestKit.WaitForSearchAsync(site, visitor.Http, "q=" + Uri.EscapeDataString("柠檬骑行"), r => CatalogTestKit.Total(r) == 1);

        Assert.Equal(0, CatalogTestKit.Total(await CatalogTestKit.SearchAsync(visitor.Http, "q=" + Uri.EscapeDataString("蓝莓骑行驿站"))));
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync($"/datasets/{id}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync($"/api/datasets/{id}")).Status);
        Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync($"/api/datasets/{published}")).Status);
        var editor = await organizer.GetAsync($"/admin/bundles/{trackId}?q=" + Uri.EscapeDataString("骑行驿站"));
        Assert.Contains("柠檬骑行驿站", editor.Text);
        Assert.DoesNotContain(id.ToString(), editor.Html);
    }
}
