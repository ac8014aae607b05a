using ContestSite.Core.Audit;
using ContestSite.Data;
using ContestSite.Web.Email;
using ContestSite.Web.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ContestSite.Web.Audit;

/// <summary>
/// Once a day (at <see cref="AuditOptions.DigestHour"/>, China time) mails the chain head (sequence and hash)
/// to everyone who reads the audit log: a third copy of the head, outside the database and outside the server,
/// that nobody with access to the machine can take back. One node claims each day on the head row.
/// </summary>
public sealed class AuditDigestJob(IServiceScopeFactory scopes, IOptions<AuditOptions> options, TimeProvider clock, ILogger<AuditDigestJob> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try { await Task.Delay(UntilNextDigest(clock.GetUtcNow()), clock, stoppingToken); } catch (OperationCanceledException) { return; }
            try
            {
                await SendIfDueAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "The daily audit digest failed; trying again in a minute");
                try { await Task.Delay(TimeSpan.FromMinutes(1), clock, stoppingToken); } catch (OperationCanceledException) { return; }
            }
        }
    }

    private TimeSpan UntilNextDigest(DateTimeOffset now)
    {
        var china = ContestTime.ToChina(now);
        var today = new DateTimeOffset(china.Year, china.Month, china.Day, options.Value.DigestHour, 0, 0, china.Offset);
        var next = today > china ? today : today.AddDays(1);
        return next - china;
    }

    /// <summary>Mails today's digest unless a node already has; true when this call sent it.</summary>
    public async Task<bool> SendIfDueAsync(CancellationToken cancellationToken = default)
    {
        var china = ContestTime.ToChina(clock.GetUtcNow());
        if (china.Hour < options.Value.DigestHour) return false;
        var today = DateOnly.FromDateTime(china.DateTime);
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ContestDbContext>();
        var registry = scope.ServiceProvider.GetRequiredService<PermissionRegistry>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var claimed = await db.AuditChainHeads
            .Where(h => h.Id == AuditChainHead.TheOne && (h.DigestMailedOn == null || h.DigestMailedOn < today))
            .ExecuteUpdateAsync(s => s.SetProperty(h => h.DigestMailedOn, today), cancellationToken);
        if (claimed == 0) return false;
        var head = await db.AuditChainHeads.AsNoTracking().SingleAsync(h => h.Id == AuditChainHead.TheOne, cancellationToken);
        var outbox = scope.ServiceProvider.GetRequiredService<EmailOutbox>();
        var templates = scope.ServiceProvider.GetRequiredService<EmailTemplates>();
        var day = today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        foreach (var person in await db.EnabledUsersWhoMayAsync(registry, AuditPermissions.ViewAuditLog, cancellationToken))
            outbox.Enqueue(templates.Build(person.PreferredCulture, person.Email!, person.DisplayName, "审计日志每日摘要 {0}",
                [("截至 {0}，审计日志共 {1} 条记录，最新一条的哈希为：", [day, head.Sequence]),
                 ("{0}", [head.Hash]),
                 ("请保留这封邮件。日后校验审计日志时，第 {0} 条记录的哈希应与上面一致；不一致或记录少于 {0} 条，说明记录被改写或删除。", [head.Sequence])],
                null, day));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }
}
