using System.ComponentModel.DataAnnotations;

namespace ContestSite.Web.Hosting;

/// <summary>All settings of the site, bound from the <c>ContestSite</c> section (env: <c>ContestSite__...</c>).</summary>
[ExtensionPoint]
public sealed class SiteOptions
{
    public const string Section = "ContestSite";

    /// <summary>The folder holding every piece of state: database, files, index, keys, mail pickup.</summary>
    public string AppDataPath { get; set; } = "App_Data";
    /// <summary>
    /// The site's public address, e.g. <c>https://contest.example.cn</c>: every absolute link (mail, feeds) starts
    /// with it, and outside Development the Host header must name its host. Required outside Development.
    /// </summary>
    public string? PublicBaseUrl { get; set; }
    /// <summary>
    /// Reverse proxies whose X-Forwarded-For and X-Forwarded-Proto are believed: comma-separated IP addresses
    /// or CIDR networks (<c>10.0.0.5, 172.16.0.0/12</c>). Empty: none, not even loopback.
    /// </summary>
    public string? KnownProxies { get; set; }
    public DatabaseOptions Database { get; set; } = new();
    public SmtpOptions Smtp { get; set; } = new();
    public SetupOptions Setup { get; set; } = new();
    public AccountOptions Accounts { get; set; } = new();
}

[ExtensionPoint]
public sealed class AccountOptions
{
    /// <summary>
    /// Whether organizers and judges must use an authenticator. Unset: required, except in the Development environment,
    /// where a newcomer without an authenticator app can try every role. Outside Development it cannot be turned off.
    /// </summary>
    public bool? RequireStaffSecondFactor { get; set; }
}

[ExtensionPoint]
public enum DatabaseProvider { Sqlite, Postgres }

[ExtensionPoint]
public sealed class DatabaseOptions
{
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;
    /// <summary>SQLite file name inside the app-data folder.</summary>
    public string SqliteFileName { get; set; } = "contestsite.db";
}

[ExtensionPoint]
public sealed class SmtpOptions
{
    /// <summary>Empty: mail is written as .eml files to <c>App_Data/mail-pickup</c>.</summary>
    public string? Host { get; set; }
    public int Port { get; set; } = 25;
    public string? UserName { get; set; }
    public string? Password { get; set; }
    /// <summary>None, Auto, SslOnConnect or StartTls.</summary>
    public string Security { get; set; } = "Auto";
    public string From { get; set; } = "浙江省数据开放创新应用大赛 <noreply@contest.local>";
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(30);
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromHours(1);
    public int MaxAttempts { get; set; } = 30;
    public int BatchSize { get; set; } = 50;
}

[ExtensionPoint]
public sealed class SetupOptions
{
    public string? AdminEmail { get; set; }
    public string? AdminPassword { get; set; }
    /// <summary>
    /// The recipe that the first start of an empty site runs: a name under <c>recipes/</c> (<c>demo</c>, <c>default</c>)
    /// or a path to a <c>.recipe.json</c> file. Unset: <c>demo</c> in the Development environment, <c>default</c> otherwise.
    /// </summary>
    public string? Recipe { get; set; }
    /// <summary>The password every demo account shares; unset: one is generated at the first start and shown once.</summary>
    public string? DemoPassword { get; set; }
}
