using Microsoft.Extensions.Options;

namespace ContestSite.Web.Bundles.CloseOuts;

/// <summary>
/// On every node, every <see cref="BundleOptions.CloseOutPollInterval"/> of the site's clock: creates the close-outs
/// that ended approvals now owe and sends the reminders due (<see cref="CloseOutDuties"/>; its claims make each mail once).
/// </summary>
public sealed class CloseOutJob(IServiceScopeFactory scopes, IOptions<BundleOptions> options, TimeProvider clock, ILogger<CloseOutJob> logger) : BackgroundService
{
    private CloseOutPass? _lastPass;

    /// <summary>What the latest pass on this node did (tests read it to know a pass ran).</summary>
    public CloseOutPass? LastPass => Volatile.Read(ref _lastPass);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // What was not claimed is still due at the next pass.
                logger.LogWarning(ex, "Data close-outs and their reminders failed; retrying at the next pass");
            }
            try { await Task.Delay(options.Value.CloseOutPollInterval, clock, stoppingToken); } catch (OperationCanceledException) { return; }
        }
    }

    public async Task<CloseOutPass> RunOnceAsync(CancellationToken cancellationToken = default)
    {
        using var scope = scopes.CreateScope();
        var pass = await scope.ServiceProvider.GetRequiredService<CloseOutDuties>().RunAsync(cancellationToken);
        Volatile.Write(ref _lastPass, pass);
        return pass;
    }
}
