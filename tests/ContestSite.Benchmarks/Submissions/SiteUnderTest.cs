using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using ContestSite.Core.Teams;
using ContestSite.Data;
using ContestSite.Data.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace ContestSite.Benchmarks.Submissions;

/// <summary>
/// The site's own executable on a loopback port over a fresh SQLite app-data folder, with the first round
/// opened now (the process runs on the real clock) and contestants made directly in its database.
/// </summary>
internal sealed partial class SiteUnderTest : IAsyncDisposable
{
    public const string Password = "Bench-pass-2020";
    private readonly Process _process;

    private SiteUnderTest(Process process, string appData, Uri root)
    {
        _process = process;
        AppData = appData;
        Root = root;
    }

    public string AppData { get; }
    public Uri Root { get; }
    public int ProcessId => _process.Id;

    public static async Task<SiteUnderTest> StartAsync(string appData, IReadOnlyDictionary<string, string> settings)
    {
        int port;
        using (var listener = new TcpListener(IPAddress.Loopback, 0)) { listener.Start(); port = ((IPEndPoint)listener.LocalEndpoint).Port; }
        var root = new Uri($"http://127.0.0.1:{port}");
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = AppContext.BaseDirectory, UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "ContestSite.Web.dll"));
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_URLS"] = root.ToString();
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["ContestSite__AppDataPath"] = appData;
        start.Environment["ContestSite__Database__Provider"] = "Sqlite";
        start.Environment["ContestSite__Setup__AdminEmail"] = "ops@bench.local";
        start.Environment["ContestSite__Setup__AdminPassword"] = "Ops-pass-2020";
        start.Environment["ContestSite__PublicBaseUrl"] = root.ToString();
        foreach (var (key, value) in settings) start.Environment[key] = value;
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) Console.Error.WriteLine("site: " + e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var site = new SiteUnderTest(process, appData, root);
        using var http = new HttpClient { BaseAddress = root };
        for (var waited = Stopwatch.StartNew(); waited.Elapsed < TimeSpan.FromMinutes(2); await Task.Delay(250))
        {
            try { if ((await http.GetAsync("/healthz")).IsSuccessStatusCode) return site; } catch (HttpRequestException) { }
        }
        throw new TimeoutException("site did not start");
    }

    /// <summary>Resident memory now and at its peak (VmRSS, VmHWM of /proc), in bytes.</summary>
    public (long Rss, long Peak) Memory()
    {
        var status = File.ReadAllText($"/proc/{ProcessId}/status");
        return (Kb(status, "VmRSS"), Kb(status, "VmHWM"));
    }

    private static long Kb(string status, string field) =>
        long.Parse(Regex.Match(status, field + @":\s+(\d+) kB").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) * 1024;

    public async Task<(int RoundId, List<string> Emails)> SeedAsync(int teams)
    {
        var options = new DbContextOptionsBuilder<SqliteContestDbContext>().UseSqlite($"Data Source={Path.Combine(AppData, "contestsite.db")};Pooling=False").Options;
        await using var db = new SqliteContestDbContext(options);
        var now = DateTimeOffset.UtcNow;
        var round = await db.Rounds.OrderBy(r => r.Sequence).FirstAsync();
        round.SubmissionOpensAt = now.AddHours(-1);
        round.SubmissionClosesAt = now.AddDays(1);
        var role = await db.Roles.SingleAsync(r => r.Name == "Contestant");
        var track = await db.Tracks.OrderBy(t => t.Id).FirstAsync();
        var hasher = new PasswordHasher<SiteUser>();
        var emails = new List<string>();
        string? hash = null;
        for (var i = 0; i < teams; i++)
        {
            var email = $"bench{i}@bench.local";
            var user = new SiteUser
            {
                UserName = email, NormalizedUserName = email.ToUpperInvariant(), Email = email, NormalizedEmail = email.ToUpperInvariant(),
                EmailConfirmed = true, DisplayName = $"队长{i}", CreatedAt = now, SecurityStamp = Guid.NewGuid().ToString("N"),
            };
            // One hash for every account: hashing is deliberately slow and is not what is measured.
            user.PasswordHash = hash ??= hasher.HashPassword(user, Password);
            db.Users.Add(user);
            db.UserRoles.Add(new IdentityUserRole<string> { UserId = user.Id, RoleId = role.Id });
            db.Teams.Add(new Team
            {
                ContestId = track.ContestId, TrackId = track.Id, Name = $"基准队{i}", NameKey = $"基准队{i}", OrganizationName = "浙江大学",
                Status = TeamStatus.Approved, CreatedAt = now,
                Members = [new() { ContestId = track.ContestId, UserId = user.Id, RealName = $"队长{i}", Phone = "13812341234", Organization = "浙江大学", Role = TeamRole.Captain }],
            });
            emails.Add(email);
        }
        await db.SaveChangesAsync();
        return (round.Id, emails);
    }

    public async Task ReopenAllAsync()
    {
        var options = new DbContextOptionsBuilder<SqliteContestDbContext>().UseSqlite($"Data Source={Path.Combine(AppData, "contestsite.db")};Pooling=False").Options;
        await using var db = new SqliteContestDbContext(options);
        await db.Submissions.ExecuteUpdateAsync(s => s.SetProperty(x => x.Status, Core.Submissions.SubmissionStatus.Draft).SetProperty(x => x.FinalisedAt, (DateTimeOffset?)null));
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited) { _process.Kill(entireProcessTree: true); await _process.WaitForExitAsync(); }
        _process.Dispose();
    }
}
