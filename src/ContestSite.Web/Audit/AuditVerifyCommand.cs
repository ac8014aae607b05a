using ContestSite.Web.Hosting;

namespace ContestSite.Web.Audit;

public sealed class AuditVerifyCommand : ISiteCommand
{
    public IReadOnlyList<string> Words => ["audit", "verify"];
    public string Usage => "audit verify               checks the audit log's hash chain";

    public Task<int> RunAsync(IReadOnlyList<string> arguments, IServiceProvider services, TextWriter output, CancellationToken cancellationToken) =>
        RunAsync(services, output, Console.Error, cancellationToken);

    /// <summary>The same, with the error stream given, so tests can read what an operator would see.</summary>
    public static async Task<int> RunAsync(IServiceProvider services, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        using var scope = services.CreateScope();
        var result = await scope.ServiceProvider.GetRequiredService<AuditVerifier>().VerifyAsync(cancellationToken);
        if (result.FirstBreak is { } broken)
        {
            await error.WriteLineAsync($"审计链断裂 / chain broken at entry {broken.EntryId}: {broken.Reason}（此前 {result.EntriesChecked} 条完好 / intact before it）");
            return 1;
        }
        await output.WriteLineAsync($"审计链完好 / audit chain intact: {result.EntriesChecked} entries");
        return 0;
    }
}
