using ContestSite.Core.Catalog;
using ContestSite.Core.Rules;

namespace ContestSite.Core.Bundles;

/// <summary>
/// 应急处置: an emergency stop of one dataset, or of all restricted (受限开放) data at once. While it is open no route
/// serves the data it covers and the approvals it suspended do not count; it is lifted explicitly, with a reason.
/// </summary>
public class DataIncident
{
    public int Id { get; set; }
    /// <summary>The stopped dataset; null stops all restricted data.</summary>
    public Guid? DatasetId { get; set; }
    /// <summary>
    /// <see cref="DataIncidentRules.ScopeKey"/> of the scope while the incident is open, null once lifted: the database
    /// holds one open incident per scope, so two organizers stopping the same thing at once make one incident.
    /// </summary>
    public string? OpenScope { get; set; }
    /// <summary>What happened (a short summary, shown in lists and mail to organizers).</summary>
    public required string What { get; set; }
    /// <summary>Why the data is stopped.</summary>
    public required string Reason { get; set; }
    public required string StartedBy { get; set; }
    public DateTimeOffset StartedAt { get; set; }
    public string? LiftedBy { get; set; }
    public DateTimeOffset? LiftedAt { get; set; }
    public string? LiftReason { get; set; }

    public bool IsOpen => LiftedAt is null;
}

/// <summary>
/// The open incidents at the moment of a request, read from the database on every request (never cached by a node):
/// the datasets stopped one by one, and whether all restricted data is stopped.
/// </summary>
public sealed record DataStops(IReadOnlySet<Guid> Datasets, bool AllRestricted)
{
    public static readonly DataStops None = new(new HashSet<Guid>(), false);

    public static DataStops Of(IEnumerable<Guid?> openIncidentScopes)
    {
        var datasets = new HashSet<Guid>();
        var all = false;
        foreach (var scope in openIncidentScopes)
        {
            if (scope is { } id) datasets.Add(id);
            else all = true;
        }
        return new DataStops(datasets, all);
    }

    public bool Any => AllRestricted || Datasets.Count > 0;

    public bool Covers(Guid datasetId, OpenType openType) => Datasets.Contains(datasetId) || (AllRestricted && openType == OpenType.Restricted);
}

/// <summary>Starting and lifting an incident, and what happens to the approvals it suspended.</summary>
public static class DataIncidentRules
{
    public const int MaxWhatLength = 200;
    public const int MaxTextLength = 2000;
    public const string AllRestrictedScope = "all-restricted";
    public const string AlreadyOpenMessage = "该范围已有一项未解除的应急处置，无须重复发起";

    public static string ScopeKey(Guid? datasetId) => datasetId is { } id ? $"dataset:{id}" : AllRestrictedScope;

    public static RuleResult CanStart(string? what, string? reason, bool confirmed)
    {
        if (string.IsNullOrWhiteSpace(what)) return RuleResult.Refuse("请简要说明发生了什么");
        if (what.Trim().Length > MaxWhatLength) return RuleResult.Refuse("事件概述不能超过 {0} 个字符", MaxWhatLength);
        if (string.IsNullOrWhiteSpace(reason)) return RuleResult.Refuse("请填写暂停数据服务的原因");
        if (reason.Trim().Length > MaxTextLength) return RuleResult.Refuse("原因不能超过 {0} 个字符", MaxTextLength);
        if (!confirmed) return RuleResult.Refuse("请勾选确认：立即停止提供数据并暂停相关使用许可");
        return RuleResult.Ok;
    }

    public static RuleResult Lift(DataIncident incident, string liftedBy, string? reason, DateTimeOffset now)
    {
        if (!incident.IsOpen) return RuleResult.Refuse("该应急处置已经解除");
        if (string.IsNullOrWhiteSpace(reason)) return RuleResult.Refuse("请填写解除的原因");
        if (reason.Trim().Length > MaxTextLength) return RuleResult.Refuse("原因不能超过 {0} 个字符", MaxTextLength);
        incident.LiftedAt = now;
        incident.LiftedBy = liftedBy;
        incident.LiftReason = reason.Trim();
        incident.OpenScope = null;
        return RuleResult.Ok;
    }

    /// <summary>Whether an approval is live and so is suspended by a stop of its dataset.</summary>
    public static bool IsLive(AccessApplication application, DateTimeOffset now) =>
        application.Status == ApplicationStatus.Approved && application.ExpiresAt is { } expires && now < expires;

    public static RuleResult Suspend(AccessApplication application, DataIncident incident, DateTimeOffset now)
    {
        if (!IsLive(application, now)) return RuleResult.Refuse("只有有效期内的许可可以暂停");
        application.Status = ApplicationStatus.Suspended;
        application.SuspendedByIncidentId = incident.Id;
        return RuleResult.Ok;
    }

    /// <summary>
    /// Gives a suspended approval back once its incident is lifted: not if it expired meanwhile, nor while another
    /// open incident still covers its dataset.
    /// </summary>
    public static RuleResult Restore(AccessApplication application, DataIncident? incident, bool stillStopped, DateTimeOffset now)
    {
        if (application.Status != ApplicationStatus.Suspended) return RuleResult.Refuse("只有已暂停的许可可以恢复");
        if (incident is { IsOpen: true }) return RuleResult.Refuse("应急处置尚未解除，不能恢复许可");
        if (stillStopped) return RuleResult.Refuse("该数据集仍处于另一项未解除的应急处置中，不能恢复许可");
        if (application.ExpiresAt is not { } expires || expires <= now)
            return RuleResult.Refuse("该许可已于 {0} 到期，不能恢复；团队可以重新申请", application.ExpiresAt ?? now);
        application.Status = ApplicationStatus.Approved;
        return RuleResult.Ok;
    }
}
