using ContestSite.Core.Bundles;
using ContestSite.Core.Rules;
using ContestSite.Data;
using ContestSite.Web.Audit;
using Microsoft.EntityFrameworkCore;

namespace ContestSite.Web.Bundles.UseCases;

/// <summary>
/// An organizer publishes the next version of the data-use agreement (or of a track's bundle terms). Earlier versions
/// stay as they were; two publishing at once cannot take the same number (unique index), the second is told to reload.
/// </summary>
public sealed class PublishAgreement(ContestDbContext db, Agreements agreements, IAuditLog audit, TimeProvider clock)
{
    public async Task<(RuleResult Result, AgreementVersion? Version)> RunAsync(AgreementKind kind, int? trackId, string? markdown, string? note, string userId,
        CancellationToken cancellationToken = default)
    {
        var current = await agreements.CurrentAsync(kind, trackId, cancellationToken);
        var allowed = AgreementRules.CanPublish(markdown, note, current?.Markdown);
        if (!allowed.Allowed) return (allowed, null);
        var version = new AgreementVersion
        {
            Kind = kind, TrackId = trackId, Number = (current?.Number ?? 0) + 1, Markdown = markdown!.Trim(), ChangeNote = string.IsNullOrWhiteSpace(note) ? null : note.Trim(),
            PublishedAt = clock.GetUtcNow(), PublishedById = userId,
        };
        db.AgreementVersions.Add(version);
        try
        {
            await audit.AppendAsync(() => new AuditEvent("data.agreement-published", $"agreement:{version.Id}", "ok",
                $"{kind} track={trackId?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-"} version={version.Number}"), cancellationToken);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return (RuleResult.Refuse("协议刚被其他人更新，请刷新页面后重试"), null);
        }
        return (RuleResult.Ok, version);
    }
}
