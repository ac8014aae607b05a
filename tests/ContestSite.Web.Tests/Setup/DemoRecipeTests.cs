using System.Net;
using System.Text.Json;
using ContestSite.Core.Bundles;
using ContestSite.Core.Catalog;
using ContestSite.Core.Submissions;
using ContestSite.Core.Teams;
using ContestSite.Web.Accounts.TwoFactor;
using ContestSite.Web.Hosting;
using ContestSite.Web.Setup;
using ContestSite.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace ContestSite.Web.Tests.Setup;

public sealed class DemoRecipeTests
{
    private const string DemoPassword = "Demo-pass-2026";

    private static Task<SiteFactory> DemoSiteAsync(TestProvider provider) =>
        SiteFactory.CreateAsync(provider, settings: s =>
        {
            s["ContestSite:Setup:Recipe"] = "demo";
            s["ContestSite:Setup:DemoPassword"] = DemoPassword;
        });

    [Theory]
    [InlineData(TestProvider.Sqlite)]
    [InlineData(TestProvider.Postgres)]
    public async Task The_demo_recipe_builds_a_live_season_with_every_role_and_the_data_the_issue_lists(TestProvider provider)
    {
        await using var site = await DemoSiteAsync(provider);
        var now = site.Clock.GetUtcNow();

        await site.WithDbAsync(async db =>
        {
            var inRole = (string role) => db.UserRoles.CountAsync(ur => db.Roles.Any(r => r.Id == ur.RoleId && r.Name == role)
                && db.Users.Any(u => u.Id == ur.UserId && u.Email!.EndsWith("@demo.contest.local")));
            Assert.True(await inRole("Judge") >= 2, "fewer than two judges");
            Assert.True(await inRole("Organizer") >= 1, "no organizer");

            var contest = await db.Contests.Include(c => c.Rounds).SingleAsync(c => c.IsCurrent);
            Assert.True(contest.RegistrationOpensAt <= now && now < contest.RegistrationClosesAt, "registration is not open now");
            var first = contest.Rounds.Single(r => r.Sequence == 1);
            Assert.True(first.SubmissionOpensAt <= now && now < first.SubmissionClosesAt, "round-1 submission is not open now");
            Assert.All(contest.Rounds.Where(r => r.Sequence > 1), r => Assert.True(r.SubmissionOpensAt > now, $"{r.Name} is not ahead"));
            Assert.True(first.ReviewOpensAt > now, "review is not ahead");

            var teams = await db.Teams.Include(t => t.Members).Where(t => t.ContestId == contest.Id).ToListAsync();
            Assert.Equal(2, teams.Count);
            Assert.All(teams, t =>
            {
                Assert.Equal(TeamStatus.Approved, t.Status);
                Assert.Single(t.Members, m => m.Role == TeamRole.Captain);
                Assert.Contains(t.Members, m => m.Role == TeamRole.Member);
            });

            var entries = await db.Submissions.Where(s => s.ContestId == contest.Id).ToListAsync();
            Assert.Equal(2, entries.Count);
            var finalised = Assert.Single(entries, s => s.Status == SubmissionStatus.Finalised);
            var files = await db.SubmissionVersions.Where(v => v.SubmissionId == finalised.Id && v.Number == finalised.CurrentVersionNumber)
                .SelectMany(v => v.Files).ToListAsync();
            Assert.True(files.Count(f => f.Kind == SubmissionFileKind.Screenshot) >= 2, "the finalised entry has fewer than two screenshots");

            var bundles = await db.Bundles.Where(b => db.Tracks.Any(t => t.Id == b.TrackId && t.ContestId == contest.Id)).Select(b => b.Datasets.Count).ToListAsync();
            Assert.Equal(3, bundles.Count);
            Assert.All(bundles, count => Assert.True(count > 0, "a track's bundle is empty"));

            var open = await db.Datasets.Include(d => d.Resources).SingleAsync(d => d.Title == "杭州市公交线路与站点信息");
            Assert.Equal(OpenType.Unconditional, open.OpenType);
            Assert.NotEmpty(open.Resources);
            var restricted = await db.Datasets.Include(d => d.Resources).Include(d => d.Fields).SingleAsync(d => d.Title == "社区老年人上门服务登记（演示样例）");
            Assert.Equal(OpenType.Restricted, restricted.OpenType);
            Assert.Equal(DatasetStatus.Published, restricted.Status);
            Assert.NotEmpty(restricted.Resources);
            var sensitive = restricted.Fields.Where(f => f.IsSensitive).Select(f => f.Name).Order().ToList();
            Assert.Equal(4, sensitive.Count);
            var masked = await db.FieldMaskingRules.Where(r => r.DatasetId == restricted.Id && r.Rule != "Keep" && r.Rule != "").Select(r => r.FieldName).ToListAsync();
            Assert.Equal(sensitive, masked.Order().ToList());

            var application = Assert.Single(await db.AccessApplications.ToListAsync());
            Assert.Equal(ApplicationStatus.Approved, application.Status);
            Assert.Equal(restricted.Id, application.DatasetId);
            Assert.True(await db.Announcements.CountAsync(a => a.PublishAt <= now) >= 3, "fewer than three announcements are out");
            return true;
        });
    }

    [Fact]
    public async Task The_finalised_demo_entry_gets_thumbnails_of_its_screenshots_after_the_start()
    {
        await using var site = await DemoSiteAsync(TestProvider.Sqlite);
        var keys = await site.WithDbAsync(db => db.Submissions.Where(s => s.Status == SubmissionStatus.Finalised)
            .SelectMany(s => db.SubmissionVersions.Where(v => v.SubmissionId == s.Id && v.Number == s.CurrentVersionNumber))
            .SelectMany(v => v.Files).Where(f => f.Kind == SubmissionFileKind.Screenshot).Select(f => f.StorageKey).ToListAsync());
        Assert.NotEmpty(keys);

        // The thumbnail queue works in the background from the start of the site: wait for it, as a visitor would.
        var waited = System.Diagnostics.Stopwatch.StartNew();
        var made = 0;
        while (waited.Elapsed < TimeSpan.FromSeconds(60))
        {
            made = await site.WithDbAsync(db => db.SubmissionThumbnails.Where(t => keys.Contains(t.SourceKey)).Select(t => t.SourceKey).Distinct().CountAsync());
            if (made == keys.Count) break;
            await Task.Delay(200);
        }
        Assert.Equal(keys.Count, made);
    }

    [Fact]
    public async Task Every_demo_account_signs_in_with_the_shared_password_and_only_organizers_reach_the_admin()
    {
        await using var site = await DemoSiteAsync(TestProvider.Sqlite);
        var accounts = DemoAccountsOfTheRecipe();
        Assert.True(accounts.Count >= 9);
        foreach (var (email, role) in accounts)
        {
            using var client = site.CreateSiteClient();
            Assert.Equal(HttpStatusCode.Redirect, (await client.SignInAsync(email, DemoPassword)).Status);
            var admin = await client.GetAsync("/admin");
            // The test sites keep the staff second factor on: an organizer is first sent to enrol, anyone else is refused.
            if (role == "Organizer") Assert.StartsWith("/account/two-factor", admin.Location!.OriginalString);
            else Assert.NotEqual(HttpStatusCode.OK, admin.Status);
        }
    }

    [Fact]
    public async Task Running_the_demo_recipe_again_changes_nothing()
    {
        await using var site = await DemoSiteAsync(TestProvider.Sqlite);
        var before = await CountsAsync(site);

        using var scope = site.Services.CreateScope();
        var result = await scope.ServiceProvider.GetRequiredService<RecipeExecutor>().RunFileAsync(Path.Combine(AppContext.BaseDirectory, "recipes", "demo.recipe.json"));

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal(before, await CountsAsync(site));
        Assert.Empty(result.DemoAccounts);
        Assert.Null(result.DemoPassword);
    }

    private static Task<(int, int, int, int, int, int)> CountsAsync(SiteFactory site) => site.WithDbAsync(async db =>
        (await db.Users.CountAsync(), await db.Teams.CountAsync(), await db.Submissions.CountAsync(), await db.Datasets.CountAsync(),
            await db.AccessApplications.CountAsync(), await db.Announcements.CountAsync()));

    private static List<(string Email, string Role)> DemoAccountsOfTheRecipe()
    {
        using var recipe = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "recipes", "demo.recipe.json")));
        return recipe.RootElement.GetProperty("steps").EnumerateArray().Where(s => s.GetProperty("step").GetString() == "accounts")
            .SelectMany(s => s.GetProperty("accounts").EnumerateArray())
            .Select(a => (a.GetProperty("email").GetString()!, a.GetProperty("role").GetString()!)).ToList();
    }

    [Fact]
    public async Task Relative_times_count_from_the_moment_the_recipe_runs()
    {
        await using var site = await SiteFactory.CreateAsync();
        var now = site.Clock.GetUtcNow();

        var result = await RunAsync(site, """
            { "name": "relative", "steps": [ { "step": "contest", "name": "{year} 相对时间", "year": 2031, "current": false,
              "registrationOpensAt": "now-30d", "registrationClosesAt": "now+14d", "rosterLocksAt": "now+1d12h",
              "rounds": [ { "name": "初赛", "sequence": 1, "submissionOpensAt": "now", "submissionClosesAt": "now+2h30m",
                "reviewOpensAt": "2031-01-01T00:00:00+08:00", "reviewClosesAt": "now+3650d", "criteria": [ { "name": "创新性", "weight": 100 } ] } ] } ] }
            """);

        Assert.True(result.Succeeded, result.Error);
        var contest = await site.WithDbAsync(db => db.Contests.Include(c => c.Rounds).SingleAsync(c => c.Year == 2031));
        Assert.Equal("2031 相对时间", contest.Name);
        Assert.Equal(now.AddDays(-30), contest.RegistrationOpensAt);
        Assert.Equal(now.AddDays(14), contest.RegistrationClosesAt);
        Assert.Equal(now.AddHours(36), contest.RosterLocksAt);
        var round = contest.Rounds.Single();
        Assert.Equal(now, round.SubmissionOpensAt);
        Assert.Equal(now.AddMinutes(150), round.SubmissionClosesAt);
        Assert.Equal(new DateTimeOffset(2030, 12, 31, 16, 0, 0, TimeSpan.Zero), round.ReviewOpensAt);
    }

    [Theory]
    [InlineData("now+14", "now+14")]
    [InlineData("now+2w", "2w")]
    [InlineData("now14d", "14d")]
    [InlineData("nowish", "ish")]
    public async Task A_relative_time_that_cannot_be_read_is_named_with_the_syntax_and_nothing_is_applied(string written, string named)
    {
        await using var site = await SiteFactory.CreateAsync();
        var contests = await site.WithDbAsync(db => db.Contests.CountAsync());

        var result = await RunAsync(site, $$"""
            { "name": "broken", "steps": [ { "step": "contest", "name": "坏时间", "year": 2032, "current": false,
              "registrationOpensAt": "now", "registrationClosesAt": "{{written}}", "rosterLocksAt": "now+20d" } ] }
            """);

        Assert.False(result.Succeeded);
        Assert.Contains("registrationClosesAt", result.Error);
        Assert.Contains(named, result.Error);
        Assert.Contains("now+14d", result.Error);
        Assert.Equal(contests, await site.WithDbAsync(db => db.Contests.CountAsync()));
    }

    private static async Task<RecipeResult> RunAsync(SiteFactory site, string json)
    {
        using var scope = site.Services.CreateScope();
        using var document = JsonDocument.Parse(json);
        return await scope.ServiceProvider.GetRequiredService<RecipeExecutor>().RunAsync(document.RootElement, Path.Combine(AppContext.BaseDirectory, "recipes"));
    }

    private sealed class Environment(string name) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;
        public string ApplicationName { get; set; } = "ContestSite.Web";
        public string ContentRootPath { get; set; } = AppContext.BaseDirectory;
        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }

    [Theory]
    [InlineData("Development", null, "demo.recipe.json")]
    [InlineData("Production", null, "default.recipe.json")]
    [InlineData("Production", "demo", "demo.recipe.json")]
    [InlineData("Development", "default", "default.recipe.json")]
    [InlineData("Development", "recipes/default.recipe.json", "default.recipe.json")]
    public void The_setting_picks_the_recipe_by_name_or_path_and_without_it_the_environment_does(string environment, string? setting, string file)
    {
        var (path, _) = SiteInitializer.ChooseRecipe(setting, new Environment(environment));

        Assert.Equal(file, Path.GetFileName(path));
        Assert.True(File.Exists(path));
    }

    [Fact]
    public async Task An_unknown_recipe_name_stops_the_start_with_a_message_naming_the_setting_and_the_recipes_there_are()
    {
        var appData = SiteProcess.NewAppDataFolder();
        var env = SiteProcess.SqliteSite(appData);
        env["ContestSite__Setup__Recipe"] = "demoo";

        var result = await SiteProcess.RunAsync(env);

        Assert.Equal(3, result.ExitCode);
        Assert.Contains("ContestSite__Setup__Recipe", result.Error);
        Assert.Contains("'demoo'", result.Error);
        Assert.Contains("default, demo", result.Error);
        Assert.False(File.Exists(Path.Combine(appData, "contestsite.db")), "the site wrote its database before refusing the setting");
    }

    [Theory]
    [InlineData("Development", null, false)]
    [InlineData("Development", true, true)]
    [InlineData("Production", null, true)]
    [InlineData("Staging", null, true)]
    public void The_staff_second_factor_is_off_by_default_only_in_Development(string environment, bool? setting, bool required)
    {
        var options = Options.Create(new SiteOptions { Accounts = new AccountOptions { RequireStaffSecondFactor = setting } });

        Assert.Equal(required, new StaffSecondFactor(options, new Environment(environment)).Required);
    }

    [Fact]
    public async Task With_the_staff_second_factor_off_an_organizer_reaches_the_admin_without_an_authenticator()
    {
        await using var site = await SiteFactory.CreateAsync(settings: s => s["ContestSite:Accounts:RequireStaffSecondFactor"] = "false");
        using var organizer = site.CreateSiteClient();
        await organizer.SignInAsync(SiteFactory.OrganizerEmail, SiteFactory.OrganizerPassword);

        var admin = await organizer.GetAsync("/admin/users");

        Assert.Equal(HttpStatusCode.OK, admin.Status);
        Assert.False(await site.WithDbAsync(db => db.Users.Where(u => u.Email == SiteFactory.OrganizerEmail).Select(u => u.TwoFactorEnabled).SingleAsync()));
    }

    [Fact]
    public async Task In_Production_turning_the_staff_second_factor_off_stops_the_start_and_changes_nothing()
    {
        var appData = SiteProcess.NewAppDataFolder();
        var env = SiteProcess.SqliteSite(appData);
        env["ContestSite__Accounts__RequireStaffSecondFactor"] = "false";

        var result = await SiteProcess.RunAsync(env);

        Assert.Equal(3, result.ExitCode);
        Assert.Contains("ContestSite__Accounts__RequireStaffSecondFactor=false is allowed only in the Development environment", result.Error);
        Assert.False(File.Exists(Path.Combine(appData, "contestsite.db")), "the site wrote its database before refusing the setting");
    }

    [Fact]
    public async Task The_start_up_block_comes_after_the_listening_line_once_and_the_password_is_stored_nowhere_in_clear()
    {
        var appData = SiteProcess.NewAppDataFolder();
        var env = SiteProcess.SqliteSite(appData);
        env["ContestSite__Setup__Recipe"] = "demo";
        env["ContestSite__Setup__DemoPassword"] = DemoPassword;
        env["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information";

        var first = await ConsoleUntilAsync(env, "shown only this once");
        var listening = first.FindIndex(l => l.Contains("Now listening on:", StringComparison.Ordinal));
        var block = first.FindIndex(l => l.Contains("首次启动 / first start (recipe: demo)", StringComparison.Ordinal));
        Assert.True(listening >= 0 && block > listening, "the block does not come after the listening line:\n" + string.Join("\n", first));
        Assert.True(first.FindIndex(l => l.Contains("Application started", StringComparison.Ordinal)) < block, "the block comes before the host's own start-up lines");
        var text = string.Join("\n", first[block..]);
        Assert.Contains("http://127.0.0.1:", text);
        Assert.Contains(DemoPassword, text);
        foreach (var (email, _) in DemoAccountsOfTheRecipe()) Assert.Contains(email, text);
        Assert.Contains("organizers and judges must use an authenticator app", text);
        Assert.Single(first, l => l.Contains(DemoPassword, StringComparison.Ordinal));

        var second = await ConsoleUntilAsync(env, "site running at");
        Assert.DoesNotContain(second, l => l.Contains(DemoPassword, StringComparison.Ordinal) || l.Contains("首次启动", StringComparison.Ordinal));

        var clear = System.Text.Encoding.UTF8.GetBytes(DemoPassword);
        foreach (var file in Directory.EnumerateFiles(appData, "*", SearchOption.AllDirectories))
            Assert.True((await File.ReadAllBytesAsync(file)).AsSpan().IndexOf(clear) < 0, $"the password is in {file}");
    }

    /// <summary>Starts the site's executable on a free port and returns what it printed up to the line containing <paramref name="last"/>.</summary>
    private static async Task<List<string>> ConsoleUntilAsync(Dictionary<string, string> environment, string last)
    {
        var start = new System.Diagnostics.ProcessStartInfo("dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "ContestSite.Web.dll"));
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add($"http://127.0.0.1:{RunningSite.FreePort()}");
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (key, value) in environment) start.Environment[key] = value;
        var lines = new List<string>();
        var seen = new TaskCompletionSource();
        using var process = System.Diagnostics.Process.Start(start)!;
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null) return;
            lock (lines) lines.Add(e.Data);
            if (e.Data.Contains(last, StringComparison.Ordinal)) seen.TrySetResult();
        };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (lines) lines.Add("stderr: " + e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await seen.Task.WaitAsync(TimeSpan.FromMinutes(2));
            // Whatever the site prints in the next moment belongs to its start too.
            await Task.Delay(TimeSpan.FromSeconds(1));
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
        lock (lines) return [.. lines];
    }

    [Fact]
    public async Task A_lost_organizer_password_is_replaced_by_the_reset_command_printed_once_and_the_old_one_stops_working()
    {
        await using var site = await SiteFactory.CreateAsync();
        var env = SiteProcess.SqliteSite(site.AppDataPath);

        var result = await SiteProcess.RunAsync(env, "accounts", "reset-password", SiteFactory.OrganizerEmail);

        Assert.Equal(0, result.ExitCode);
        var password = System.Text.RegularExpressions.Regex.Match(result.Output, @"new password for \S+: (\S+)").Groups[1].Value;
        Assert.Equal(20, password.Length);
        using var withOld = site.CreateSiteClient();
        Assert.NotEqual(HttpStatusCode.Redirect, (await withOld.SignInAsync(SiteFactory.OrganizerEmail, SiteFactory.OrganizerPassword)).Status);
        using var withNew = site.CreateSiteClient();
        Assert.Equal(HttpStatusCode.Redirect, (await withNew.SignInAsync(SiteFactory.OrganizerEmail, password)).Status);
        Assert.Equal(1, await site.AuditCountAsync("account.password-reset-by-operator"));
    }

    [Fact]
    public async Task The_reset_command_names_an_unknown_address_and_changes_nothing()
    {
        await using var site = await SiteFactory.CreateAsync();
        var stamps = await site.WithDbAsync(db => db.Users.Select(u => u.SecurityStamp).ToListAsync());

        var result = await SiteProcess.RunAsync(SiteProcess.SqliteSite(site.AppDataPath), "accounts", "reset-password", "nobody@test.local");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("nobody@test.local", result.Error);
        Assert.Equal(stamps, await site.WithDbAsync(db => db.Users.Select(u => u.SecurityStamp).ToListAsync()));
        Assert.Equal(0, await site.AuditCountAsync("account.password-reset-by-operator"));
    }
}
