using ContestSite.Core.Bundles;
using ContestSite.Core.Rules;
using ContestSite.Core.Teams;
using ContestSite.Data;
using ContestSite.Web.Audit;
using Microsoft.EntityFrameworkCore;

namespace ContestSite.Web.Bundles.CloseOuts;

/// <summary>
/// The captain attests that the team deleted every file of the dataset it received: which files, the day, the
/// statement. Refused, with nothing stored, for a file the team never received, a member who is not the captain,
/// another team, a second attestation or a date in the future. Audited as <c>data.closeout-attested</c>.
/// </summary>
public sealed class AttestCloseOut(ContestDbContext db, CloseOutQueries queries, IAuditLog audit, TimeProvider clock)
{
    public const string AlreadyAttested = "该数据的销毁声明已经提交，不能重复提交";

    public async Task<RuleResult> RunAsync(int closeOutId, string userId, IReadOnlyCollection<int> ticked, DateOnly? deletedOn, bool confirmed,
        CancellationToken cancellationToken = default)
    {
        var closeOut = await db.CloseOuts.SingleOrDefaultAsync(c => c.Id == closeOutId, cancellationToken);
        if (closeOut is null) return RuleResult.Refuse("找不到该数据销毁事项");
        var role = await db.TeamMembers.AsNoTracking().Where(m => m.TeamId == closeOut.TeamId && m.UserId == userId)
            .Select(m => (TeamRole?)m.Role).FirstOrDefaultAsync(cancellationToken);
        if (role is null) return RuleResult.Refuse("这不是您所在团队的数据销毁事项");
        var received = await queries.ReceivedAsync(closeOut, cancellationToken);
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(ContestTime.ToChina(now).DateTime);
        var check = CloseOutRules.CanAttest(closeOut, role == TeamRole.Captain, received, ticked, deletedOn, today, confirmed);
        if (!check.Allowed) return check;
        var files = received.Select(r => new CloseOutDeletedFile { ResourceId = r.ResourceId, FileName = r.FileName }).ToList();
        try
        {
            await db.InTransactionAsync(async () =>
            {
                closeOut.State = CloseOutState.Attested;
                db.CloseOutAttestations.Add(new CloseOutAttestation
                {
                    CloseOutId = closeOut.Id, AttestedById = userId, AttestedAt = now, DeletedOn = deletedOn!.Value, Statement = CloseOutRules.Statement, Files = files,
                });
                await audit.AppendAsync(new AuditEvent("data.closeout-attested", $"closeout:{closeOut.Id}", "ok",
                    $"application {closeOut.ApplicationId}; deleted on {deletedOn:yyyy-MM-dd}; files: {string.Join(", ", files.Select(f => $"{f.ResourceId} {f.FileName}"))}")
                    { TeamId = closeOut.TeamId, DatasetId = closeOut.DatasetId }, cancellationToken);
            }, cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The one-attestation-per-close-out index: the same captain's other submit committed first.
            db.ChangeTracker.Clear();
            return RuleResult.Refuse(AlreadyAttested);
        }
        return RuleResult.Ok;
    }
}
