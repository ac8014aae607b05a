using ContestSite.Core.Contests;
using ContestSite.Core.Rules;
using ContestSite.Data;
using ContestSite.Web.Audit;
using ContestSite.Web.Email;
using ContestSite.Web.Hosting;
using Microsoft.EntityFrameworkCore;

namespace ContestSite.Web.Certificates.UseCases;

/// <summary>
/// An organizer revokes a certificate of a round, with a reason: the verification page then says so, the PDF no longer
/// downloads, and the team's members are mailed in their own language. A certificate is revoked once.
/// </summary>
public sealed class RevokeCertificate(ContestDbContext db, EmailOutbox outbox, EmailTemplates templates, PublicUrls urls, IAuditLog audit, TimeProvider clock)
{
    public const int ReasonMaxLength = 500;

    public async Task<RuleResult> RevokeAsync(Round round, int certificateId, string? reason, CancellationToken cancellationToken = default)
    {
        reason = reason?.Trim();
        if (string.IsNullOrEmpty(reason)) return RuleResult.Refuse("请填写撤销原因");
        if (reason.Length > ReasonMaxLength) return RuleResult.Refuse("撤销原因最多 {0} 个字", ReasonMaxLength);
        var certificate = await db.Certificates.AsNoTracking()
            .SingleOrDefaultAsync(c => c.Id == certificateId && db.Awards.Any(a => a.Id == c.AwardId && a.RoundId == round.Id), cancellationToken);
        if (certificate is null) return RuleResult.Refuse("本轮没有这张证书");
        if (certificate.RevokedAt is { } earlier) return RuleResult.Refuse("这张证书已于 {0} 撤销，不能重复撤销", earlier);

        var now = clock.GetUtcNow();
        return await db.InTransactionAsync(async () =>
        {
            // Only the first of two organizers revoking at once changes the row; the second is told it is done already.
            var changed = await db.Certificates.Where(c => c.Id == certificateId && c.RevokedAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.RevokedAt, now).SetProperty(c => c.RevokedReason, reason), cancellationToken);
            if (changed == 0) return RuleResult.Refuse("这张证书已撤销，不能重复撤销");
            await EnqueueMailAsync(certificate.TeamId, certificate.TeamName, certificate.AwardName, certificate.Code, reason, cancellationToken);
            await audit.AppendAsync(new AuditEvent("certificate.revoked", $"certificate:{certificateId}", "ok",
                $"round={round.Id}; award={certificate.AwardId} {certificate.AwardName}; reason={reason}") { TeamId = certificate.TeamId }, cancellationToken);
            return RuleResult.Ok;
        }, cancellationToken);
    }

    private async Task EnqueueMailAsync(int teamId, string teamName, string awardName, string code, string reason, CancellationToken cancellationToken)
    {
        var people = await db.TeamMembers.AsNoTracking().Where(m => m.TeamId == teamId)
            .Join(db.Users.Where(u => u.Email != null), m => m.UserId, u => u.Id, (m, u) => new { Email = u.Email!, u.DisplayName, u.PreferredCulture })
            .ToListAsync(cancellationToken);
        var link = urls.Page("/Certificates/Verify", new { code });
        foreach (var person in people)
            outbox.Enqueue(templates.Build(person.PreferredCulture, person.Email, person.DisplayName, "团队“{0}”的获奖证书已撤销",
                [("您所在的团队“{0}”的“{1}”获奖证书（验证码 {2}）已被组委会撤销。", [teamName, awardName, code]), ("撤销原因：{0}", [reason])],
                ("查看证书状态", link), teamName));
    }
}
