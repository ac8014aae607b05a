using System.Net;
using System.Text.RegularExpressions;
using ContestSite.Core.Announcements;
using ContestSite.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ContestSite.Web.Tests.Announcements;

/// <summary>Builders of the announcement tests: the organizer's form and what it saved (people and teams come from <see cref="SiteBuilders"/>).</summary>
public static partial class AnnouncementTestKit
{
    /// <summary>Inside the default recipe's registration window (Beijing time).</summary>
    public static readonly DateTimeOffset DuringRegistration = new(2020, 9, 1, 10, 0, 0, TimeSpan.FromHours(8));

    /// <summary>How often the announcement job looks for due announcements on the kit's sites (each step of the clock this long is a tick).</summary>
    public static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(300);

    public static Task<SiteFactory> SiteAsync(TestProvider provider = TestProvider.Sqlite) =>
        SiteFactory.CreateAsync(provider, settings: s => s["ContestSite:Announcements:PollInterval"] = PollInterval.ToString("c", System.Globalization.CultureInfo.InvariantCulture), now: DuringRegistration);

    public static Dictionary<string, string> Fields(string title, string body, string mode = "Now", string category = "通知",
        string audience = "None", int? trackId = null, DateTimeOffset? publishAt = null, bool pinned = false, int version = 0) => new()
    {
        ["Input.Title"] = title, ["Input.Body"] = body, ["Input.Category"] = category, ["Input.Mode"] = mode,
        ["Input.Audience"] = audience, ["Input.AudienceTrackId"] = trackId?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "",
        ["Input.PublishAt"] = publishAt is { } at ? ContestTime.ToInput(at) : "", ["Input.Pinned"] = pinned ? "true" : "false",
        ["Input.Version"] = version.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    /// <summary>Saves through the organizer's form and returns the announcement's id.</summary>
    public static async Task<int> SaveAsync(this SiteClient organizer, Dictionary<string, string> fields, int? id = null)
    {
        var url = id is null ? "/admin/announcements/edit" : $"/admin/announcements/edit/{id}";
        var saved = await organizer.PostFormAsync(url, fields);
        Assert.True(saved.Status == HttpStatusCode.Redirect, saved.Text);
        return int.Parse(IdPattern().Match(saved.Location!.OriginalString).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
    }

    public static Task<Announcement?> FindAsync(this SiteFactory site, string title) =>
        site.WithDbAsync(db => db.Announcements.AsNoTracking().Include(a => a.Attachments).SingleOrDefaultAsync(a => a.Title == title));

    [GeneratedRegex(@"/admin/announcements/edit/(\d+)")]
    private static partial Regex IdPattern();
}
