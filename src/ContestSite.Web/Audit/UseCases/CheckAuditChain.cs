namespace ContestSite.Web.Audit.UseCases;

/// <summary>An organizer checks the audit chain from the admin; the check itself is recorded, with what it found.</summary>
public sealed class CheckAuditChain(AuditVerifier verifier, IAuditLog audit)
{
    public async Task<AuditVerification> CheckAsync(CancellationToken cancellationToken = default)
    {
        var verification = await verifier.VerifyAsync(cancellationToken);
        await audit.AppendAsync(new AuditEvent("audit.verify", null, verification.FirstBreak is null ? "ok" : "broken",
            verification.FirstBreak is { } broken ? $"entry {broken.EntryId}: {broken.Reason}" : $"{verification.EntriesChecked} entries"), CancellationToken.None);
        return verification;
    }
}
