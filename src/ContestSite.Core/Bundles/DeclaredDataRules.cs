using ContestSite.Core.Catalog;
using ContestSite.Core.Rules;

namespace ContestSite.Core.Bundles;

/// <summary>A dataset an entry says it uses, as the declaration rule sees it.</summary>
public sealed record DeclaredDataset(Guid Id, string Title, OpenType OpenType, DatasetStatus Status);

/// <summary>
/// Which datasets a team may say its entry uses: published ones it may use — 无条件开放, or 受限开放 with an
/// approval valid now — and never 禁止开放. A dataset the entry already declared stays declarable while the team's
/// approval has lapsed (the team used it while it held one), unless it has since become prohibited or unpublished.
/// </summary>
public static class DeclaredDataRules
{
    public static bool MayOffer(OpenType openType, Guid datasetId, int teamId, IEnumerable<AccessApplication> teamApplications, DateTimeOffset now) =>
        openType switch
        {
            OpenType.Unconditional => true,
            OpenType.Restricted => teamApplications.Any(a => a.Grants(teamId, datasetId, now)),
            _ => false,
        };

    public static RuleResult Check(IReadOnlyList<DeclaredDataset> declared, IReadOnlyCollection<Guid> alreadyDeclared, int teamId,
        IReadOnlyList<AccessApplication> teamApplications, DateTimeOffset now)
    {
        foreach (var dataset in declared)
        {
            if (dataset.Status != DatasetStatus.Published) return RuleResult.Refuse("所选数据集不在数据目录中");
            if (dataset.OpenType == OpenType.Prohibited) return RuleResult.Refuse("“{0}”属于禁止开放类，不能声明使用", dataset.Title);
            if (alreadyDeclared.Contains(dataset.Id)) continue;
            if (!MayOffer(dataset.OpenType, dataset.Id, teamId, teamApplications, now))
                return RuleResult.Refuse("“{0}”属于受限开放类，团队的使用申请获批后才能声明使用", dataset.Title);
        }
        return RuleResult.Ok;
    }
}
