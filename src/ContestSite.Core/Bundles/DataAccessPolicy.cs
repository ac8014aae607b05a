using ContestSite.Core.Catalog;
using ContestSite.Core.Rules;
using ContestSite.Core.Teams;

namespace ContestSite.Core.Bundles;

/// <summary>How a file is asked for: on its own from the dataset page, or inside the track's bundle.</summary>
public enum DownloadRoute { SingleFile, Bundle }

/// <summary>Who asks: signed in or not, their team in the current contest (if any), and whether a risk flag holds them.</summary>
public sealed record Downloader(bool SignedIn, int? TeamId, TeamStatus? TeamStatus, bool Flagged)
{
    public static readonly Downloader Anonymous = new(false, null, null, false);
}

/// <summary>
/// Who may download the data of a dataset, by its opening class: 无条件开放 to anyone signed in (in a
/// bundle, to approved teams); 受限开放 only to an approved team holding an unexpired approval for that
/// very dataset, and not while a risk flag holds it; 禁止开放 never, to nobody. While an emergency stop (应急处置)
/// covers a dataset, nobody gets its data by any route.
/// </summary>
public static class DataAccessPolicy
{
    public static RuleResult CanDownload(OpenType openType, Guid datasetId, Downloader who, DownloadRoute route,
        IEnumerable<AccessApplication> teamApplications, DateTimeOffset now, DataStops stops)
    {
        if (openType == OpenType.Prohibited) return RuleResult.Refuse("该数据集属于禁止开放类，不向任何人提供数据");
        if (stops.Covers(datasetId, openType)) return RuleResult.Refuse(StoppedMessage);
        if (!who.SignedIn) return RuleResult.Refuse("请先登录");
        if (openType == OpenType.Unconditional && route == DownloadRoute.SingleFile) return RuleResult.Ok;
        if (who.TeamId is not { } teamId) return RuleResult.Refuse("只有参赛团队的成员可以获取数据包和受限开放数据");
        if (who.TeamStatus != TeamStatus.Approved) return RuleResult.Refuse("团队通过组委会审核后才能获取数据包和受限开放数据");
        if (openType == OpenType.Unconditional) return RuleResult.Ok;

        var forDataset = teamApplications.Where(a => a.TeamId == teamId && a.DatasetId == datasetId).ToList();
        if (!forDataset.Any(a => a.Grants(teamId, datasetId, now))) return NoValidApproval(forDataset, now);
        return who.Flagged ? RuleResult.Refuse("下载量超过预警阈值，受限开放数据的下载已暂停，等待组委会处理") : RuleResult.Ok;
    }

    public const string StoppedMessage = "该数据集因应急处置暂停提供数据，恢复后另行通知";

    private static RuleResult NoValidApproval(List<AccessApplication> forDataset, DateTimeOffset now)
    {
        if (forDataset.Any(a => a.Status == ApplicationStatus.Suspended && a.ExpiresAt > now))
            return RuleResult.Refuse("您的团队对该数据集的使用许可因应急处置暂停，等待组委会恢复");
        if (forDataset.Any(a => a.Status == ApplicationStatus.Revoked)) return RuleResult.Refuse("您的团队对该数据集的使用许可已被组委会撤销");
        var expired = forDataset.Where(a => a.Status == ApplicationStatus.Approved && a.ExpiresAt <= now).Max(a => a.ExpiresAt);
        if (expired is { } at) return RuleResult.Refuse("您的团队对该数据集的使用许可已于 {0} 到期", at);
        if (forDataset.Any(a => a.Status == ApplicationStatus.Pending)) return RuleResult.Refuse("您的团队对该数据集的申请正在审核中");
        return RuleResult.Refuse("您的团队没有获批使用该数据集：受限开放数据须先提交申请并经组委会批准");
    }
}
