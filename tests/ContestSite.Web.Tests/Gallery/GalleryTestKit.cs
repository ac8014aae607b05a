using ContestSite.Core.Judging;
using ContestSite.Web.Tests.Infrastructure;
using ContestSite.Web.Tests.Judging;
using Microsoft.EntityFrameworkCore;

namespace ContestSite.Web.Tests.Gallery;

/// <summary>Builders of the gallery tests: finalised entries from the judging kit, the organizer's publish form, awards written directly.</summary>
public static class GalleryTestKit
{
    public static Dictionary<string, string> PublishFields(int submissionId, string title, bool consent = true, bool publishNow = true) => new()
    {
        ["Input.SubmissionId"] = submissionId.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Input.ConsentGivenBy"] = consent ? "王队长（队长）" : "",
        ["Input.ConsentText"] = consent ? "同意在大赛作品展示中公开作品介绍、截图和团队名称" : "",
        ["Input.ConsentGivenAt"] = consent ? "2020-11-05T09:00" : "",
        ["Input.ConsentConfirmed"] = consent ? "true" : "false",
        ["Input.Title"] = title, ["Input.Text"] = "**智慧交通**展示介绍", ["Input.TeamDisplayName"] = title + "团队",
        ["Input.MemberDisplayNames"] = "王某\n李某", ["Input.PublishNow"] = publishNow ? "true" : "false",
    };

    public static Task<SiteClient.Page> PublishAsync(this SiteClient organizer, Dictionary<string, string> fields) =>
        organizer.PostFormAsync("/admin/gallery", fields, "/admin/gallery?handler=Publish");

    public static Task<int> EntryIdAsync(this SiteFactory site, int submissionId) =>
        site.WithDbAsync(db => db.GalleryEntries.Where(e => e.SubmissionId == submissionId).Select(e => e.Id).SingleAsync());

    public static Task<int> EntryCountAsync(this SiteFactory site) => site.WithDbAsync(db => db.GalleryEntries.CountAsync());

    public static Task<int> AwardAsync(this SiteFactory site, int submissionId, AwardLevel level, string name) =>
        site.WithDbAsync(async db =>
        {
            var submission = await db.Submissions.SingleAsync(s => s.Id == submissionId);
            db.Awards.Add(new Award
            {
                ContestId = submission.ContestId, RoundId = submission.RoundId, TrackId = submission.TrackId, SubmissionId = submission.Id,
                TeamId = submission.TeamId, Level = level, Name = name, CreatedAt = site.Clock.GetUtcNow(), PublishedAt = site.Clock.GetUtcNow(),
            });
            await db.SaveChangesAsync();
            return submission.RoundId;
        });

    public static async Task<int> PublishedEntryAsync(this SiteFactory site, SiteClient organizer, string title)
    {
        var submissionId = await site.EntryAsync(title);
        var published = await organizer.PublishAsync(PublishFields(submissionId, title));
        Assert.True(published.Status == System.Net.HttpStatusCode.Redirect, published.Text);
        return await site.EntryIdAsync(submissionId);
    }
}
