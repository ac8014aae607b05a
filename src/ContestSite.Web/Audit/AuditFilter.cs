using System.Globalization;
using ContestSite.Core.Audit;
using Microsoft.AspNetCore.Mvc;

namespace ContestSite.Web.Audit;

/// <summary>
/// The filters of the audit log page, bound from the query string; exports use the same ones. Values are
/// kept as typed text so that a wrong one is shown back with a clear message instead of silently dropped.
/// </summary>
public sealed class AuditFilter
{
    [FromQuery(Name = "action")] public string? Action { get; set; }
    [FromQuery(Name = "actor")] public string? Actor { get; set; }
    [FromQuery(Name = "team")] public string? Team { get; set; }
    [FromQuery(Name = "dataset")] public string? Dataset { get; set; }
    [FromQuery(Name = "outcome")] public string? Outcome { get; set; }
    /// <summary>China time, as <c>datetime-local</c> gives it.</summary>
    [FromQuery(Name = "from")] public string? From { get; set; }
    [FromQuery(Name = "to")] public string? To { get; set; }

    public bool IsEmpty => new[] { Action, Actor, Team, Dataset, Outcome, From, To }.All(string.IsNullOrWhiteSpace);

    /// <summary>The problems with the typed values (Chinese, localization keys), with the value where it helps.</summary>
    public IReadOnlyList<(string Message, string? Value)> Problems()
    {
        var problems = new List<(string, string?)>();
        if (!string.IsNullOrWhiteSpace(Team) && ParseTeam() is null) problems.Add(("团队编号应为正整数：{0}", Team));
        if (!string.IsNullOrWhiteSpace(Dataset) && ParseDataset() is null) problems.Add(("数据集编号格式不对：{0}", Dataset));
        if (ContestTime.InputProblem(From) is { } fromProblem)
            problems.Add((fromProblem == ContestTime.OutOfRangeMessage ? "开始时间须在 2000-01-01 到 2100-12-31 之间：{0}" : "开始时间格式不对：{0}", From));
        if (ContestTime.InputProblem(To) is { } toProblem)
            problems.Add((toProblem == ContestTime.OutOfRangeMessage ? "结束时间须在 2000-01-01 到 2100-12-31 之间：{0}" : "结束时间格式不对：{0}", To));
        if (ContestTime.TryParseInput(From, out var from) && ContestTime.TryParseInput(To, out var to) && from > to)
            problems.Add(("开始时间晚于结束时间", null));
        return problems;
    }

    /// <summary>Narrows the entries; call only when <see cref="Problems"/> is empty.</summary>
    public IQueryable<AuditEntry> Apply(IQueryable<AuditEntry> entries)
    {
        if (!string.IsNullOrWhiteSpace(Action))
        {
            // "bundle.*" or "bundle." asks for every action under bundle; anything else is one action.
            var action = Action.Trim();
            var prefix = action.EndsWith('*') ? action.TrimEnd('*') : action.EndsWith('.') ? action : null;
            entries = prefix is null ? entries.Where(e => e.Action == action) : entries.Where(e => e.Action.StartsWith(prefix));
        }
        if (!string.IsNullOrWhiteSpace(Actor))
        {
            var actor = Actor.Trim();
            entries = entries.Where(e => e.ActorName != null && e.ActorName.Contains(actor));
        }
        if (ParseTeam() is { } team) entries = entries.Where(e => e.TeamId == team);
        if (ParseDataset() is { } dataset) entries = entries.Where(e => e.DatasetId == dataset);
        if (!string.IsNullOrWhiteSpace(Outcome))
        {
            var outcome = Outcome.Trim();
            entries = entries.Where(e => e.Outcome == outcome);
        }
        if (ContestTime.TryParseInput(From, out var from)) entries = entries.Where(e => e.At >= from);
        // The end minute is included: "to 18:00" means up to 18:00:59.
        if (ContestTime.TryParseInput(To, out var to))
        {
            var end = to.AddMinutes(1);
            entries = entries.Where(e => e.At < end);
        }
        return entries;
    }

    /// <summary>The filters as a query string, for paging and export links.</summary>
    public string ToQuery(params (string Name, string Value)[] extra)
    {
        var pairs = new List<(string, string?)>
        {
            ("action", Action), ("actor", Actor), ("team", Team), ("dataset", Dataset), ("outcome", Outcome), ("from", From), ("to", To),
        };
        pairs.AddRange(extra.Select(e => (e.Name, (string?)e.Value)));
        var query = string.Join("&", pairs.Where(p => !string.IsNullOrWhiteSpace(p.Item2)).Select(p => $"{p.Item1}={Uri.EscapeDataString(p.Item2!.Trim())}"));
        return query.Length == 0 ? "" : "?" + query;
    }

    private int? ParseTeam() =>
        int.TryParse(Team?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0 ? id : null;

    private Guid? ParseDataset() => Guid.TryParse(Dataset?.Trim(), out var id) ? id : null;
}
