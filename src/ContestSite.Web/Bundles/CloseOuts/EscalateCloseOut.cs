using ContestSite.Core.Bundles;
using ContestSite.Core.Rules;
using ContestSite.Data;
using ContestSite.Web.Audit;
using Microsoft.EntityFrameworkCore;

namespace ContestSite.Web.Bundles.CloseOuts;

/// <summary>An organizer escalates an overdue close-out (督办): recorded with a note, mailed to the whole team, audited.</summary>
public sealed class EscalateCloseOut(ContestDbContext db, CloseOutEmails emails, IAuditLog audit, TimeProvider clock)
{
    public async Task<RuleResult> RunAsync(int closeOutId, string organizerId, string? note, CancellationToken cancellationToken = default)
    {
        var closeOut = await db.CloseOuts.SingleOrDefaultAsync(c => c.Id == closeOutId, cancellationToken);
        if (closeOut is null) return RuleResult.Refuse("找不到该数据销毁事项");
        var now = clock.GetUtcNow();
        var check = CloseOutRules.CanEscalate(closeOut, note, now);
        if (!check.Allowed) return check;
        var text = note!.Trim();
        return await db.InTransactionAsync(async () =>
        {
            // Only an owed one moves: an attestation or another organizer's escalation committed meanwhile wins.
            var moved = await db.CloseOuts.Where(c => c.Id == closeOutId && c.State == CloseOutState.Owed)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.State, CloseOutState.Escalated).SetProperty(c => c.EscalatedAt, now)
                    .SetProperty(c => c.EscalatedById, organizerId).SetProperty(c => c.EscalationNote, text), cancellationToken);
            if (moved == 0) return RuleResult.Refuse("该项状态已经变化，请刷新后查看");
            await emails.EnqueueEscalationAsync(closeOut, text, cancellationToken);
            await audit.AppendAsync(new AuditEvent("data.closeout-escalated", $"closeout:{closeOut.Id}", "ok", $"application {closeOut.ApplicationId}; {text}")
                { TeamId = closeOut.TeamId, DatasetId = closeOut.DatasetId }, cancellationToken);
            return RuleResult.Ok;
        }, cancellationToken);
    }
}
