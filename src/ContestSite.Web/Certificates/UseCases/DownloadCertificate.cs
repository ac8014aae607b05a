using System.Security.Claims;
using ContestSite.Core.Judging;
using ContestSite.Data;
using ContestSite.Web.Audit;
using ContestSite.Web.Judging;
using ContestSite.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace ContestSite.Web.Certificates.UseCases;

/// <summary>What a download request gets: nothing to see (404), a revoked certificate (410), or the PDF.</summary>
public abstract record CertificateDownload
{
    public sealed record NotFound : CertificateDownload;
    public sealed record Revoked(Certificate Certificate) : CertificateDownload;
    public sealed record Ready(Certificate Certificate, byte[] Pdf) : CertificateDownload;
}

/// <summary>
/// A certificate's PDF, for the members of its team and for organizers; anyone else is told it does not exist, so a
/// code found somewhere gives a stranger no more than the public verification page. Each download is audited.
/// </summary>
public sealed class DownloadCertificate(ContestDbContext db, IAuthorizationService authorization, CertificatePdf pdf, IAuditLog audit)
{
    public async Task<CertificateDownload> RunAsync(ClaimsPrincipal user, string? typedCode, CancellationToken cancellationToken = default)
    {
        if (user.Identity?.IsAuthenticated != true || !CertificateCodes.TryNormalise(typedCode, out var code)) return new CertificateDownload.NotFound();
        var certificate = await db.Certificates.AsNoTracking().SingleOrDefaultAsync(c => c.Code == code, cancellationToken);
        if (certificate is null) return new CertificateDownload.NotFound();
        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";
        var member = await db.TeamMembers.AnyAsync(m => m.TeamId == certificate.TeamId && m.UserId == userId, cancellationToken);
        if (!member && !(await authorization.AuthorizeAsync(user, PermissionPolicies.Prefix + JudgingPermissions.Manage)).Succeeded)
            return new CertificateDownload.NotFound();
        if (certificate.RevokedAt is not null) return new CertificateDownload.Revoked(certificate);
        var bytes = pdf.Render(certificate);
        await audit.AppendAsync(new AuditEvent("certificate.downloaded", $"certificate:{certificate.Id}", "ok",
            member ? "team member" : "organizer") { TeamId = certificate.TeamId }, cancellationToken);
        return new CertificateDownload.Ready(certificate, bytes);
    }
}
