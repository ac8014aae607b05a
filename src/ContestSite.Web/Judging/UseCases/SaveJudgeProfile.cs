using ContestSite.Core.Judging;
using ContestSite.Core.Rules;
using ContestSite.Data;
using Microsoft.EntityFrameworkCore;

namespace ContestSite.Web.Judging.UseCases;

/// <summary>A judge writes their organization and expertise tags.</summary>
public sealed class SaveJudgeProfile(ContestDbContext db, TimeProvider clock)
{
    public const int MaxTags = 20;

    public async Task<RuleResult> RunAsync(string judgeId, string? organization, string? tags, CancellationToken cancellationToken = default)
    {
        var list = JudgeTags.Split(tags);
        if (list.Count > MaxTags) return RuleResult.Refuse("专长标签最多 {0} 个", MaxTags);
        if (list.Any(t => t.Length > 30)) return RuleResult.Refuse("每个专长标签最多 30 个字");
        if (organization?.Trim().Length > 200) return RuleResult.Refuse("单位名称最多 200 个字");
        var profile = await db.JudgeProfiles.SingleOrDefaultAsync(p => p.UserId == judgeId, cancellationToken);
        if (profile is null) db.JudgeProfiles.Add(profile = new JudgeProfile { UserId = judgeId });
        profile.Organization = string.IsNullOrWhiteSpace(organization) ? null : organization.Trim();
        profile.ExpertiseTags = list.Count == 0 ? null : JudgeTags.Join(list);
        profile.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        return RuleResult.Ok;
    }
}
