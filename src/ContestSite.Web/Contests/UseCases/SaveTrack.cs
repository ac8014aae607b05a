using ContestSite.Core.Contests;
using ContestSite.Web.Audit;

namespace ContestSite.Web.Contests.UseCases;

/// <summary>Adds a track to the current contest, or renames and describes one.</summary>
public sealed class SaveTrack(CurrentContest current, IAuditLog audit)
{
    public const int MaxNameLength = 200;

    /// <summary>Null when there is no such track (or no contest).</summary>
    public async Task<ContestChange?> SaveAsync(int? trackId, string? name, string? description, CancellationToken cancellationToken = default)
    {
        var contest = await current.FindAsync(cancellationToken);
        if (contest is null) return null;
        var trimmed = name?.Trim() ?? "";
        if (trimmed.Length is 0 or > MaxNameLength) return ContestChange.Refused("赛道名称不能为空，且不超过 200 个字符。");
        if (contest.Tracks.Any(t => t.Name == trimmed && t.Id != trackId)) return ContestChange.Refused("已有同名赛道。");
        var track = trackId is null ? null : contest.Tracks.FirstOrDefault(t => t.Id == trackId);
        if (trackId is not null && track is null) return null;
        if (track is null) contest.Tracks.Add(track = new Track { Name = trimmed, SortOrder = contest.Tracks.Count });
        track.Name = trimmed;
        track.Description = string.IsNullOrWhiteSpace(description) ? null : description.Trim();
        await audit.AppendAsync(() => new AuditEvent("contest.track-saved", $"track:{track.Id}", "ok", trimmed), CancellationToken.None);
        return ContestChange.Done(track.Id);
    }
}
