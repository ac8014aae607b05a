using System.Text.Json;
using ContestSite.Core.Admin;
using ContestSite.Data;
using ContestSite.Web.Email;
using ContestSite.Data.Accounts;
using ContestSite.Web.Hosting;
using ContestSite.Web.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ContestSite.Web.Admin;

/// <summary>
/// Once per <see cref="OrganizerDigestOptions.DigestInterval"/>, mails each organizer their to-do list when something
/// they may handle is new since the last digest (a count went up), and nothing when all is as before. One node sends
/// each period: the period's digest row is unique, and the mail is saved with it, so the node whose row loses sends
/// nothing. Risk warnings are also mailed at once by the risk monitor; the digest repeats them while they wait.
/// </summary>
public sealed class OrganizerDigestJob(IServiceScopeFactory scopes, IOptions<OrganizerDigestOptions> options, TimeProvider clock, ILogger<OrganizerDigestJob> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = options.Value.DigestInterval;
        if (interval == TimeSpan.Zero) return;
        while (!stoppingToken.IsCancellationRequested)
        {
            try { await Task.Delay(UntilNextPeriod(clock.GetUtcNow(), interval), clock, stoppingToken); } catch (OperationCanceledException) { return; }
            try
            {
                await SendAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "The organizers' digest failed; the next period tries again");
            }
        }
    }

    private static long PeriodOf(DateTimeOffset now, TimeSpan interval) => now.ToUnixTimeSeconds() / (long)interval.TotalSeconds;

    private static TimeSpan UntilNextPeriod(DateTimeOffset now, TimeSpan interval)
    {
        var next = DateTimeOffset.FromUnixTimeSeconds((PeriodOf(now, interval) + 1) * (long)interval.TotalSeconds);
        return next - now;
    }

    /// <summary>
    /// The digest of the current period, unless a node already made it; returns how many people were mailed, or null
    /// when this period's digest was made before (here or on another node).
    /// </summary>
    public async Task<int?> SendAsync(CancellationToken cancellationToken = default)
    {
        var interval = options.Value.DigestInterval;
        if (interval == TimeSpan.Zero) return null;
        var now = clock.GetUtcNow();
        var period = PeriodOf(now, interval);
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ContestDbContext>();
        if (await db.OrganizerDigests.AnyAsync(d => d.Period == period, cancellationToken)) return null;

        var inbox = scope.ServiceProvider.GetRequiredService<OrganizerInbox>();
        var tasks = await inbox.AllAsync(cancellationToken);
        var counts = tasks.ToDictionary(t => t.Key, t => t.Count, StringComparer.Ordinal);
        var lastJson = await db.OrganizerDigests.OrderByDescending(d => d.Period).Select(d => d.CountsJson).FirstOrDefaultAsync(cancellationToken);
        var last = lastJson is null ? [] : JsonSerializer.Deserialize<Dictionary<string, int>>(lastJson) ?? [];
        var grown = tasks.Where(t => t.Count > last.GetValueOrDefault(t.Key)).ToList();

        var mailed = 0;
        if (grown.Count > 0)
        {
            var outbox = scope.ServiceProvider.GetRequiredService<EmailOutbox>();
            var templates = scope.ServiceProvider.GetRequiredService<EmailTemplates>();
            var link = scope.ServiceProvider.GetRequiredService<PublicUrls>().BaseUrl + "/admin";
            // Who may handle each waiting kind of task, read as the permission checks read it (implied permissions, enabled accounts).
            var registry = scope.ServiceProvider.GetRequiredService<PermissionRegistry>();
            var people = new Dictionary<string, (SiteUser Person, HashSet<string> Handles)>(StringComparer.Ordinal);
            foreach (var permission in tasks.Where(t => t.Count > 0).Select(t => t.Permission).Distinct(StringComparer.Ordinal))
                foreach (var user in await db.EnabledUsersWhoMayAsync(registry, permission, cancellationToken))
                {
                    if (!people.TryGetValue(user.Id, out var entry)) people[user.Id] = entry = (user, new HashSet<string>(StringComparer.Ordinal));
                    entry.Handles.Add(permission);
                }
            foreach (var (person, handles) in people.Values)
            {
                var theirs = tasks.Where(t => t.Count > 0 && handles.Contains(t.Permission)).OrderByDescending(t => t.Urgent).ToList();
                var news = grown.Where(t => handles.Contains(t.Permission)).ToList();
                if (news.Count == 0) continue;
                var paragraphs = new List<(string, object[])> { ("自上次提醒以来，有 {0} 类事项新增了待办。以下事项等待您处理：", [news.Count]) };
                paragraphs.AddRange(theirs.Select(t => (t.Text, new object[] { t.Count })));
                outbox.Enqueue(templates.Build(person.PreferredCulture, person.Email!, person.DisplayName, "待办事项提醒：{0} 类事项等待处理", paragraphs, ("打开管理后台", link), theirs.Count));
                mailed++;
            }
        }
        db.OrganizerDigests.Add(new OrganizerDigest { Period = period, At = now, CountsJson = JsonSerializer.Serialize(counts), Mailed = mailed });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The period's row is unique: losing the insert means another node made this digest (and its mail was not saved).
            if (await AnotherNodeTookAsync(period, cancellationToken)) return null;
            throw;
        }
        return mailed;
    }

    private async Task<bool> AnotherNodeTookAsync(long period, CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ContestDbContext>();
        return await db.OrganizerDigests.AnyAsync(d => d.Period == period, cancellationToken);
    }
}
