using System.Net;
using ContestSite.Data;
using ContestSite.Data.Accounts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace ContestSite.Web.Tests.Infrastructure;

/// <summary>
/// The real site, in-process, over a real database file (or a real PostgreSQL database) in a folder of
/// its own, sending mail to a real SMTP server on loopback, with a clock the test controls.
/// </summary>
public sealed class SiteFactory : WebApplicationFactory<Program>
{
    public const string OrganizerEmail = "organizer@test.local";
    public const string OrganizerPassword = "Organizer-pass-2020";
    /// <summary>The configured public address: every link the site mails starts with it, whatever the request said.</summary>
    public const string PublicBaseUrl = "http://contest.test";

    public const int TestPasswordHashIterations = 1_000;
    /// <summary>How often the outbox looks for due mail on the test sites: one step of the clock this long is one poll.</summary>
    public static readonly TimeSpan OutboxPollInterval = TimeSpan.FromMilliseconds(200);

    private readonly Dictionary<string, string?> _settings;
    private TestPostgresDatabase? _postgres;
    private Action<IServiceCollection>? _services;
    private bool _keepState;

    private SiteFactory(string appData, TestSmtpServer smtp, TestProvider provider, TestPostgresDatabase? postgres, bool realPort, DateTimeOffset? now = null)
    {
        // By default the real time, so cookies and tokens look normal; a test that plays a moment of the contest starts there,
        // because the clock only moves forward (the site's timers fire as it passes them).
        Clock = new FakeTimeProvider(now ?? DateTimeOffset.UtcNow);
        // The outbox is woken when mail is queued, but a wake-up can come before the mail is committed: then its next poll
        // sends it. A test waiting for mail lets the site's time pass meanwhile, as the real time would.
        smtp.WhileWaiting = () => Clock.Advance(OutboxPollInterval);
        AppDataPath = appData;
        Smtp = smtp;
        Provider = provider;
        _postgres = postgres;
        RealPort = realPort;
        _settings = new()
        {
            ["ContestSite:AppDataPath"] = appData,
            ["ContestSite:Database:Provider"] = provider.ToString(),
            ["ConnectionStrings:Postgres"] = postgres?.ConnectionString,
            ["ContestSite:Smtp:Host"] = "127.0.0.1",
            ["ContestSite:Smtp:Port"] = smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["ContestSite:Smtp:Security"] = "None",
            ["ContestSite:Smtp:PollInterval"] = OutboxPollInterval.ToString("c", System.Globalization.CultureInfo.InvariantCulture),
            ["ContestSite:Smtp:RetryBaseDelay"] = "00:00:00.200",
            ["ContestSite:Smtp:RetryMaxDelay"] = "00:00:01",
            ["ContestSite:Setup:AdminEmail"] = OrganizerEmail,
            ["ContestSite:Setup:AdminPassword"] = OrganizerPassword,
            // The tests start from the default recipe, and with the staff second factor of a real site (Development
            // would otherwise seed the demo season and let organizers and judges in without an authenticator).
            ["ContestSite:Setup:Recipe"] = "default",
            ["ContestSite:Accounts:RequireStaffSecondFactor"] = "true",
            // Tests move the clock by hours and days; an hourly to-do digest would add mail to the organizer's box in
            // tests about something else. The digest's own tests turn it on (OrganizerDigestTests).
            ["ContestSite:Admin:DigestInterval"] = "00:00:00",
        };
        // On a real port the browser follows the links, so they keep Development's default: the listening address.
        if (!realPort) _settings["ContestSite:PublicBaseUrl"] = PublicBaseUrl;
        // The builders sign the same organizer in from a fresh client at every step, on a clock that stands still, and
        // the browser tests all come from 127.0.0.1: throttling tests ask for the real limits with UseRealThrottleLimits.
        foreach (var rule in ThrottleRules)
            foreach (var limit in new[] { "PerAddress", "PerAccount" })
                _settings[$"ContestSite:Throttling:{rule}:{limit}"] = "100000";
    }

    private static readonly string[] ThrottleRules = ["SignIn", "Registration", "Mail", "InviteCode", "CertificateCode"];

    /// <summary>Drops the raised throttle limits of the tests, so the site runs with its defaults.</summary>
    public static void UseRealThrottleLimits(Dictionary<string, string?> settings)
    {
        foreach (var key in settings.Keys.Where(k => k.StartsWith("ContestSite:Throttling:", StringComparison.Ordinal)).ToList()) settings.Remove(key);
    }

    public string AppDataPath { get; }

    /// <summary>The connection string of the site's PostgreSQL database, for a second node on the same database.</summary>
    public string? PostgresConnectionString => _postgres?.ConnectionString;

    public TestSmtpServer Smtp { get; }
    public TestProvider Provider { get; }
    public bool RealPort { get; }
    /// <summary>
    /// The site's clock: it stands still until the test moves it, and moving it fires the site's timers that fall due
    /// (outbox polls and retries, the announcement job, index followers, staging cleanup), so tests advance it instead of sleeping.
    /// </summary>
    public FakeTimeProvider Clock { get; }
    /// <summary>The address of the site when it listens on a real port (for the browser).</summary>
    public Uri? RootUri { get; private set; }

    /// <summary>
    /// A running site for one test. It starts as a copy of a site booted once per run (see <see cref="SiteTemplate"/>),
    /// unless <paramref name="emptySite"/> asks for the first start of an empty site, or the settings change how
    /// the site is seeded. Its clock starts at <paramref name="now"/> (default: the real time).
    /// </summary>
    public static async Task<SiteFactory> CreateAsync(TestProvider provider = TestProvider.Sqlite, bool realPort = false,
        Action<Dictionary<string, string?>>? settings = null, Action<IServiceCollection>? services = null, bool emptySite = false,
        DateTimeOffset? now = null)
    {
        var appData = NewAppDataFolder();
        var template = emptySite || ChangesSeeding(settings) ? null : await SiteTemplate.ForAsync(provider);
        template?.CopyTo(appData);
        var postgres = provider == TestProvider.Postgres ? await TestPostgresDatabase.CreateAsync(template?.PostgresDatabase) : null;
        var factory = new SiteFactory(appData, await TestSmtpServer.StartAsync(), provider, postgres, realPort, now);
        settings?.Invoke(factory._settings);
        factory._services = services;
        factory.Start();
        return factory;
    }

    /// <summary>Starts a site again on the App_Data and database that <see cref="StopKeepingStateAsync"/> left, as a node restarts.</summary>
    internal static async Task<SiteFactory> StartAgainAsync(SiteFactory stopped)
    {
        var factory = new SiteFactory(stopped.AppDataPath, await TestSmtpServer.StartAsync(), stopped.Provider, stopped._postgres, realPort: false);
        factory.Start();
        return factory;
    }

    /// <summary>The first start of an empty site in <paramref name="appData"/>, for the template.</summary>
    internal static async Task<SiteFactory> BootAsync(string appData, TestProvider provider, TestPostgresDatabase? postgres)
    {
        var factory = new SiteFactory(appData, await TestSmtpServer.StartAsync(), provider, postgres, realPort: false);
        factory.Start();
        return factory;
    }

    private static string NewAppDataFolder()
    {
        // Every in-process site would otherwise watch its settings files with an inotify instance of its own;
        // a test run starts hundreds of sites and the kernel allows 128 instances per user.
        Environment.SetEnvironmentVariable("DOTNET_hostBuilder__reloadConfigOnChange", "false");
        var appData = Path.Combine(Path.GetTempPath(), "contestsite-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(appData);
        return appData;
    }

    /// <summary>Whether the test's settings touch what the first start seeds (then the template's copy would be wrong).</summary>
    private static bool ChangesSeeding(Action<Dictionary<string, string?>>? settings)
    {
        if (settings is null) return false;
        var probe = new Dictionary<string, string?>();
        settings(probe);
        return probe.Keys.Any(key => key.StartsWith("ContestSite:Setup", StringComparison.OrdinalIgnoreCase)
            || key.StartsWith("ContestSite:Database", StringComparison.OrdinalIgnoreCase)
            || key.StartsWith("ConnectionStrings", StringComparison.OrdinalIgnoreCase)
            || key.Equals("ContestSite:AppDataPath", StringComparison.OrdinalIgnoreCase));
    }

    private void Start()
    {
        if (RealPort)
        {
            UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
            StartServer();
            var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!;
            RootUri = new Uri(addresses.Addresses.First());
        }
        else
        {
            _ = Server; // start now, so the default recipe has run before the test acts
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        foreach (var (key, value) in _settings) builder.UseSetting(key, value);
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            // Hashing at the production count costs a fifth of a second per account made or signed in;
            // RegistrationTests checks the production count on the site's own hasher.
            services.Configure<PasswordHasherOptions>(o => o.IterationCount = TestPasswordHashIterations);
            // Migrating first compares the model with the migrations' snapshot (a tenth of a second of CPU per site started);
            // the model cannot change during a run, so ModelSnapshotTests compares it once per provider instead.
            services.ConfigureDbContext<SqliteContestDbContext>(IgnorePendingModelChanges);
            services.ConfigureDbContext<PostgresContestDbContext>(IgnorePendingModelChanges);
            services.AddSingleton<IStartupFilter, RemoteAddressFromTestHeader>();
            _services?.Invoke(services);
        });
    }

    private static void IgnorePendingModelChanges(DbContextOptionsBuilder options) =>
        options.ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning));

    /// <summary>
    /// A client that keeps cookies and does not follow redirects. With <paramref name="remoteAddress"/>, the site sees it
    /// connect from there; with <paramref name="baseAddress"/>, its requests claim to be for that host (e.g. a forged one).
    /// </summary>
    public SiteClient CreateSiteClient(IPAddress? remoteAddress = null, Uri? baseAddress = null)
    {
        var cookies = new CookieContainerHandler();
        DelegatingHandler[] handlers = remoteAddress is null ? [cookies] : [new RemoteAddressFromTestHeader.Sender(remoteAddress), cookies];
        var http = CreateDefaultClient(handlers);
        http.BaseAddress = baseAddress ?? new Uri("http://localhost");
        return new SiteClient(http, cookies.Container);
    }

    /// <inheritdoc cref="CreateSiteClient(IPAddress?, Uri?)"/>
    public SiteClient CreateSiteClient(Uri baseAddress) => CreateSiteClient(remoteAddress: null, baseAddress);

    /// <summary>Runs <paramref name="action"/> with the site's database in a scope of its own.</summary>
    public async Task<T> WithDbAsync<T>(Func<ContestDbContext, Task<T>> action)
    {
        using var scope = Services.CreateScope();
        return await action(scope.ServiceProvider.GetRequiredService<ContestDbContext>());
    }

    public async Task WithScopeAsync(Func<IServiceProvider, Task> action)
    {
        using var scope = Services.CreateScope();
        await action(scope.ServiceProvider);
    }

    /// <summary>A confirmed account in the given roles, made directly (for tests about something else).</summary>
    public async Task<SiteUser> CreateUserAsync(string email, string password = "Secret-pass-42", params string[] roles)
    {
        using var scope = Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<SiteUser>>();
        var user = new SiteUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = email.Split('@')[0], CreatedAt = Clock.GetUtcNow() };
        var result = await users.CreateAsync(user, password);
        if (!result.Succeeded) throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
        foreach (var role in roles) await users.AddToRoleAsync(user, role);
        return user;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Smtp.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _postgres?.ClosePooledConnections();
        if (_keepState) return;
        if (_postgres is not null) await _postgres.DisposeAsync();
        _postgres = null;
        try { Directory.Delete(AppDataPath, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    /// <summary>Stops the site and lets go of its files and connections, leaving its App_Data and database in place.</summary>
    internal ValueTask StopKeepingStateAsync()
    {
        _keepState = true;
        return DisposeAsync();
    }
}

/// <summary>
/// Lets a test client choose the address the site sees it connect from (TestServer has no sockets), so tests can
/// play many clients; only the in-process test sites install it.
/// </summary>
internal sealed class RemoteAddressFromTestHeader : IStartupFilter
{
    private const string Header = "X-Test-Remote-Address";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((http, nextMiddleware) =>
        {
            if (IPAddress.TryParse(http.Request.Headers[Header].ToString(), out var address)) http.Connection.RemoteIpAddress = address;
            return nextMiddleware(http);
        });
        next(app);
    };

    public sealed class Sender(IPAddress address) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.Headers.Add(Header, address.ToString());
            return base.SendAsync(request, cancellationToken);
        }
    }
}
