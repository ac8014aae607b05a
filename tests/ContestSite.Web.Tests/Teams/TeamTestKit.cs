using System.Net;
using System.Text.RegularExpressions;
using ContestSite.Core.Teams;
using ContestSite.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ContestSite.Web.Tests.Teams;

/// <summary>The builders of the team tests: a site inside registration, teams made through the pages.</summary>
public static partial class TeamTestKit
{
    public static readonly DateTimeOffset DuringRegistration = new(2020, 9, 1, 10, 0, 0, TimeSpan.FromHours(8));
    public static readonly DateTimeOffset AfterRosterLock = new(2020, 10, 16, 10, 0, 0, TimeSpan.FromHours(8));

    /// <summary>A site whose clock stands inside the default recipe's registration window.</summary>
    public static Task<SiteFactory> SiteAsync(TestProvider provider = TestProvider.Sqlite) =>
        SiteFactory.CreateAsync(provider, now: DuringRegistration);

    public static Dictionary<string, string> MemberFields(string prefix, string realName, string phone = "13812341234") => new()
    {
        [$"{prefix}.RealName"] = realName, [$"{prefix}.Phone"] = phone, [$"{prefix}.Organization"] = "浙江大学",
    };

    public static async Task<Dictionary<string, string>> TeamFieldsAsync(this SiteFactory site, string name) => new()
    {
        ["Team.Name"] = name, ["Team.TrackId"] = (await site.TrackIdAsync()).ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Team.Description"] = "用开放数据改进政务服务", ["Team.OrganizationType"] = nameof(OrganizationType.School), ["Team.OrganizationName"] = "浙江大学",
    };

    public static async Task<SiteClient.Page> PostCreateAsync(this SiteClient client, SiteFactory site, string name, string captainName = "张队长")
    {
        var fields = await site.TeamFieldsAsync(name);
        foreach (var (key, value) in MemberFields("Me", captainName)) fields[key] = value;
        return await client.PostFormAsync("/teams/create", fields);
    }

    /// <summary>Creates a team through the page and returns its id.</summary>
    public static async Task<int> CreateTeamAsync(this SiteClient client, SiteFactory site, string name, string captainName = "张队长")
    {
        var created = await client.PostCreateAsync(site, name, captainName);
        Assert.True(created.Status == HttpStatusCode.Redirect, created.Text);
        return int.Parse(TeamIdPattern().Match(created.Location!.OriginalString).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
    }

    public static Task<SiteClient.Page> JoinAsync(this SiteClient client, string code, string realName, string phone = "13900001111") =>
        client.PostFormAsync($"/teams/join/{code}", new Dictionary<string, string>(MemberFields("Me", realName, phone)) { ["Code"] = code });

    public static Task<Team> TeamAsync(this SiteFactory site, int id) =>
        site.WithDbAsync(db => db.Teams.AsNoTracking().Include(t => t.Members).Include(t => t.JoinRequests).AsSplitQuery().SingleAsync(t => t.Id == id));

    public static async Task<string> InviteCodeAsync(this SiteFactory site, int teamId) => (await site.TeamAsync(teamId)).InviteCode!;

    [GeneratedRegex(@"/teams/(\d+)")]
    private static partial Regex TeamIdPattern();
}
