using Microsoft.Extensions.Options;

namespace ContestSite.Web.Judging.Mail;

/// <summary>
/// On every node, every <see cref="JudgeMailOptions.PollInterval"/> of the site's clock: sends the reminders and
/// review-closed notes that are due (<see cref="JudgeDeadlineMail"/>). Nodes may run at the same moment: each mail's
/// row in <c>JudgeNotices</c> is the claim, so exactly one node sends it.
/// </summary>
public sealed class JudgeMailJob(IServiceScopeFactory scopes, IOptions<JudgeMailOptions> options, TimeProvider clock, ILogger<JudgeMailJob> logger) : BackgroundService
{
    private JudgeMailPass? _lastPass;

    /// <summary>What the latest pass on this node decided (tests read it to know a pass ran, and why it sent nothing).</summary>
    public JudgeMailPass? LastPass => Volatile.Read(ref _lastPass);

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
                // The database may be briefly away: what was not claimed is still due at the next pass.
                logger.LogWarning(ex, "Judge reminders and review-closed notes failed; retrying at the next pass");
            }
            // One wait per pass: after a pause (a suspended host, a clock set forward) one pass follows, not one per missed period.
            try { await Task.Delay(options.Value.PollInterval, clock, stoppingToken); } catch (OperationCanceledException) { return; }
        }
    }

    public async Task<JudgeMailPass> RunOnceAsync(CancellationToken cancellationToken = default)
    {
        using var scope = scopes.CreateScope();
        var pass = await scope.ServiceProvider.GetRequiredService<JudgeDeadlineMail>().RunAsync(cancellationToken);
        Volatile.Write(ref _lastPass, pass);
        return pass;
    }
}
