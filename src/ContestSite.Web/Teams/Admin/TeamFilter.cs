using ContestSite.Core.Teams;
using ContestSite.Data;
using Microsoft.AspNetCore.Mvc;

namespace ContestSite.Web.Teams.Admin;

/// <summary>The filters of the organizers' team list, bound from the query string; the export uses the same ones.</summary>
public sealed class TeamFilter
{
    [FromQuery(Name = "track")] public int? TrackId { get; set; }
    [FromQuery(Name = "status")] public TeamStatus? Status { get; set; }
    [FromQuery(Name = "org")] public OrganizationType? OrganizationType { get; set; }
    [FromQuery(Name = "size")] public int? Size { get; set; }
    [FromQuery(Name = "q")] public string? Search { get; set; }

    public IQueryable<Team> Apply(ContestDbContext db, int contestId)
    {
        var teams = db.Teams.Where(t => t.ContestId == contestId);
        if (TrackId is { } track) teams = teams.Where(t => t.TrackId == track);
        if (Status is { } status) teams = teams.Where(t => t.Status == status);
        if (OrganizationType is { } type) teams = teams.Where(t => t.OrganizationType == type);
        if (Size is { } size) teams = teams.Where(t => t.Members.Count == size);
        if (!string.IsNullOrWhiteSpace(Search))
        {
            var text = Search.Trim();
            var key = TeamNames.Normalize(text);
            teams = teams.Where(t => t.NameKey.Contains(key) || t.OrganizationName.Contains(text)
                || t.Members.Any(m => m.RealName.Contains(text)));
        }
        return teams;
    }

    /// <summary>The filters as a query string, for paging and export links.</summary>
    public string ToQuery(params (string Name, string Value)[] extra)
    {
        var pairs = new List<(string, string?)>
        {
            ("track", TrackId?.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("status", Status?.ToString()),
            ("org", OrganizationType?.ToString()), ("size", Size?.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("q", Search),
        };
        pairs.AddRange(extra.Select(e => (e.Name, (string?)e.Value)));
        return "?" + string.Join("&", pairs.Where(p => !string.IsNullOrEmpty(p.Item2)).Select(p => $"{p.Item1}={Uri.EscapeDataString(p.Item2!)}"));
    }
}
