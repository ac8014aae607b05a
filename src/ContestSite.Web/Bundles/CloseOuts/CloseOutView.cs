using ContestSite.Core.Bundles;
using ContestSite.Data;
using Microsoft.EntityFrameworkCore;

namespace ContestSite.Web.Bundles.CloseOuts;

/// <summary>One close-out as pages show it: the dataset, the end, the files received, and the attestation if any.</summary>
public sealed record CloseOutView(CloseOut CloseOut, string DatasetTitle, string TeamName, IReadOnlyList<ReceivedFile> Received,
    string? AttestedByName, string? EscalatedByName)
{
    public static string StateText(CloseOut closeOut, DateTimeOffset now) => closeOut.State switch
    {
        CloseOutState.Attested => "已提交销毁声明",
        CloseOutState.Escalated => "已逾期，已督办",
        _ when closeOut.IsOverdue(now) => "已逾期，未提交",
        _ => "待提交销毁声明",
    };

    public static string EndText(CloseOutEnd end) => end switch
    {
        CloseOutEnd.Revoked => "许可被撤销",
        CloseOutEnd.ContestEnded => "大赛结束",
        _ => "许可到期",
    };
}

public sealed class CloseOutViews(ContestDbContext db, CloseOutQueries queries)
{
    public async Task<CloseOutView?> FindAsync(int id, CancellationToken cancellationToken = default)
    {
        var closeOut = await db.CloseOuts.AsNoTracking().Include(c => c.Attestation!).ThenInclude(a => a.Files).SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        return closeOut is null ? null : await ViewAsync(closeOut, cancellationToken);
    }

    /// <summary>The close-outs of one application (one at most) or of one team, newest first.</summary>
    public async Task<IReadOnlyList<CloseOutView>> ForAsync(int? applicationId, int? teamId, CancellationToken cancellationToken = default)
    {
        var list = await db.CloseOuts.AsNoTracking().Include(c => c.Attestation!).ThenInclude(a => a.Files)
            .Where(c => (applicationId == null || c.ApplicationId == applicationId) && (teamId == null || c.TeamId == teamId))
            .OrderByDescending(c => c.Id).Take(50).ToListAsync(cancellationToken);
        var views = new List<CloseOutView>();
        foreach (var closeOut in list) views.Add(await ViewAsync(closeOut, cancellationToken));
        return views;
    }

    private async Task<CloseOutView> ViewAsync(CloseOut closeOut, CancellationToken cancellationToken)
    {
        var title = await db.Datasets.AsNoTracking().Where(d => d.Id == closeOut.DatasetId).Select(d => d.Title).SingleAsync(cancellationToken);
        var team = await db.Teams.AsNoTracking().Where(t => t.Id == closeOut.TeamId).Select(t => t.Name).SingleAsync(cancellationToken);
        var received = await queries.ReceivedAsync(closeOut, cancellationToken);
        var ids = new[] { closeOut.Attestation?.AttestedById, closeOut.EscalatedById }.OfType<string>().ToList();
        var names = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
        return new CloseOutView(closeOut, title, team, received,
            closeOut.Attestation is { } a ? names.GetValueOrDefault(a.AttestedById) : null,
            closeOut.EscalatedById is { } e ? names.GetValueOrDefault(e) : null);
    }
}
