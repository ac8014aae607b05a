using ContestSite.Core.Bundles;
using ContestSite.Core.Rules;
using ContestSite.Core.Teams;
using ContestSite.Data;
using ContestSite.Web.Audit;
using Microsoft.EntityFrameworkCore;

namespace ContestSite.Web.Bundles.UseCases;

/// <summary>
/// The captain accepts, for the team, the version in force of the track's bundle terms: recorded once per version and
/// team (a unique index settles two clicks at once), audited. Until then the team's bundle is not issued.
/// </summary>
public sealed class AcceptBundleTerms(ContestDbContext db, DataAccess access, Agreements agreements, IAuditLog audit, TimeProvider clock)
{
    public async Task<RuleResult> RunAsync(Requester who, int? versionId, bool confirmed, CancellationToken cancellationToken = default)
    {
        if (who.Team is not { } team) return RuleResult.Refuse("数据包发给参赛团队。请先创建或加入一个团队。");
        if (!await access.IsCaptainAsync(team.Id, who.UserId, cancellationToken)) return RuleResult.Refuse("只有队长可以代表团队接受数据包使用条款");
        var current = await agreements.CurrentAsync(AgreementKind.BundleTerms, team.TrackId, cancellationToken);
        var acceptable = AgreementRules.CanAccept(current?.Id, versionId);
        if (!acceptable.Allowed) return acceptable;
        if (!confirmed) return RuleResult.Refuse("请阅读并勾选接受数据包使用条款");
        if (await db.AgreementAcceptances.AnyAsync(a => a.AgreementVersionId == versionId && a.TeamId == team.Id, cancellationToken))
            return RuleResult.Refuse("团队已接受该版本的使用条款");
        db.AgreementAcceptances.Add(new AgreementAcceptance { AgreementVersionId = versionId!.Value, TeamId = team.Id, UserId = who.UserId!, At = clock.GetUtcNow() });
        try
        {
            await audit.AppendAsync(new AuditEvent("bundle.terms-accepted", $"agreement:{versionId}", "ok", $"version={current!.Number}") { TeamId = team.Id }, cancellationToken);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return RuleResult.Refuse("团队已接受该版本的使用条款");
        }
        return RuleResult.Ok;
    }
}
