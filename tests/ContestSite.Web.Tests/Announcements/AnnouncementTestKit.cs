using System.Net;
using System.Text.RegularExpressions;
using ContestSite.Core.Announcements;
using ContestSite.Core.Teams;
using ContestSite.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ContestSite.Web.Tests.Announcements;

/// <summary>Builders of the announcement tests: the organizer's form, teams made directly in the database.</summary>
public static partial class AnnouncementTestKit
{
    /// <summary>Inside the default recipe's registration window (Beijing time).</summary>
    public static readonly DateTimeOffset DuringRegistration = new(2020, 9, 1, 10, 0, 0, TimeSpan.FromHours(8));

    public static async Task<SiteFactory> SiteAsync(TestProvider provider = TestProvider.Sqlite)
    {
        var site = await SiteFactory.CreateAsync(provider, settings: s => s["ContestSite:Announcements:PollInterval"] = "00:00:00.300");
        site.Clock.Set(DuringRegistration);
        return site;
    }

    public static async Task<SiteClient> OrganizerAsync(this SiteFactory site)
    {
        var client = site.CreateSiteClient();
        var signedIn = await client.SignInAsync(SiteFactory.OrganizerEmail, SiteFactory.OrganizerPassword);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.Status);
        return client;
    }

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

    /// <summary>An approved team of the current contest with the given members (accounts made directly).</summary>
    public static async Task<int> TeamWithMembersAsync(this SiteFactory site, string name, string trackName, params string[] emails)
    {
        var userIds = new List<string>();
        foreach (var email in emails) userIds.Add((await site.CreateUserAsync(email, "Secret-pass-42", "Contestant")).Id);
        return await site.WithDbAsync(async db =>
        {
            var contest = await db.Contests.Include(c => c.Tracks).SingleAsync();
            var team = new Team
            {
                ContestId = contest.Id, TrackId = contest.Tracks.Single(t => t.Name == trackName).Id, Name = name, NameKey = name,
                OrganizationName = "浙江大学", Status = TeamStatus.Approved, CreatedAt = site.Clock.GetUtcNow(),
            };
            team.Members.AddRange(userIds.Select((id, i) => new TeamMember
            {
                ContestId = contest.Id, UserId = id, RealName = "成员" + i, Phone = "1381234123" + i, Organization = "浙江大学",
                Role = i == 0 ? TeamRole.Captain : TeamRole.Member, JoinedAt = site.Clock.GetUtcNow(),
            }));
            db.Teams.Add(team);
            await db.SaveChangesAsync();
            return team.Id;
        });
    }

    public static Task<int> TrackIdAsync(this SiteFactory site, string name) =>
        site.WithDbAsync(db => db.Tracks.Where(t => t.Name == name).Select(t => t.Id).SingleAsync());

    public static Task<int> AuditCountAsync(this SiteFactory site, string action) =>
        site.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Action == action));

    public static async Task WaitUntilAsync(Func<Task<bool>> condition, int seconds = 20)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline) Assert.Fail("the condition did not become true in time");
            await Task.Delay(100);
        }
    }

    [GeneratedRegex(@"/admin/announcements/edit/(\d+)")]
    private static partial Regex IdPattern();
}
