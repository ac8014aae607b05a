using ContestSite.Web.Hosting;

namespace ContestSite.Web.Audit;

/// <summary>Checks the whole chain in the foreground, for scripts: exit code 0 intact, 1 broken.</summary>
public sealed class AuditVerifyCommand : ISiteCommand
{
    public IReadOnlyList<string> Words => ["audit", "verify"];
    public string Usage => "audit verify               checks the audit log's hash chain and its anchor outside the database";

    public Task<int> RunAsync(IReadOnlyList<string> arguments, IServiceProvider services, TextWriter output, CancellationToken cancellationToken) =>
        RunAsync(services, output, Console.Error, cancellationToken);

    /// <summary>The same, with the error stream given, so tests can read what an operator would see.</summary>
    public static async Task<int> RunAsync(IServiceProvider services, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        using var scope = services.CreateScope();
        var result = await scope.ServiceProvider.GetRequiredService<AuditVerifier>().VerifyAsync(cancellationToken: cancellationToken);
        if (result.FirstBreak is { } broken)
        {
            await error.WriteLineAsync($"审计链断裂 / chain broken at entry {broken.EntryId} ({broken.Kind}): {broken.Reason}（此前 {result.EntriesChecked} 条完好 / intact before it）");
            return 1;
        }
        await output.WriteLineAsync($"审计链完好 / audit chain intact: {result.EntriesChecked} entries; anchored outside the database up to entry {result.AnchoredUpTo}");
        return 0;
    }
}

/// <summary>Starts a new chain key; entries written before keep verifying with the old one.</summary>
public sealed class AuditRotateKeyCommand : ISiteCommand
{
    public IReadOnlyList<string> Words => ["audit", "rotate-key"];
    public string Usage => "audit rotate-key           starts a new audit chain key (site-kept keys only)";

    public async Task<int> RunAsync(IReadOnlyList<string> arguments, IServiceProvider services, TextWriter output, CancellationToken cancellationToken)
    {
        AuditChainKey key;
        try
        {
            key = services.GetRequiredService<AuditChainKeys>().Rotate();
        }
        catch (InvalidOperationException ex)
        {
            await Console.Error.WriteLineAsync(ex.Message);
            return 1;
        }
        using var scope = services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<IAuditLog>().AppendAsync(new AuditEvent("audit.key-rotated", $"key:{key.Id}", "ok"), cancellationToken);
        await output.WriteLineAsync($"new audit chain key {key.Id}; back up {services.GetRequiredService<AuditFiles>().KeyRing} together with the data-protection keys");
        return 0;
    }
}
