using System.Net;
using System.Security.Cryptography;
using System.Text;
using ContestSite.Core.Submissions;
using ContestSite.Core.Teams;
using ContestSite.Data;
using ContestSite.Data.Accounts;
using ContestSite.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using static ContestSite.Web.Tests.Submissions.SubmissionTestKit;

namespace ContestSite.Web.Tests.Submissions;

/// <summary>
/// The real site process is killed (SIGKILL) while a large upload streams in and while saves commit, then
/// started again: every entry is a whole version, the interrupted upload resumes, and leftovers are cleaned.
/// </summary>
public sealed class SubmissionCrashTests
{
    private const string Password = "Crash-pass-2020";

    [Fact]
    public async Task A_site_killed_during_an_upload_and_during_saves_shows_no_half_entry_after_restart()
    {
        var appData = await SiteProcess.NewSetUpAppDataFolderAsync();
        var environment = SiteProcess.SqliteSite(appData);
        var port = RunningSite.FreePort();
        Guid big;
        byte[] bigContent = PdfNumbered(99).Concat(new byte[8 * 1024 * 1024 - PdfNumbered(99).Length]).ToArray();
        await using (var site = await RunningSite.StartAsync(environment, port))
        {
            var email = await SeedOpenRoundAndTeamAsync(appData);
            using var member = await SignedInAsync(site.Root, email);
            var roundId = await WithDbAsync(appData, db => db.Rounds.OrderBy(r => r.Sequence).Select(r => r.Id).FirstAsync());
            var token = await member.TokenAsync(roundId);
            var ready = new List<Guid>();
            for (var i = 0; i < 12; i++)
                ready.Add(await member.UploadOkAsync(roundId, SubmissionFileKind.Proposal, $"p{i}.pdf", PdfNumbered(i)));
            big = await IdOfAsync(await member.StartUploadAsync(roundId, SubmissionFileKind.Proposal, "big.pdf", 8 * 1024 * 1024, token));
            var stalled = new StallingContent(bigContent, stallAfter: 3 * 1024 * 1024);
            var streaming = member.PatchAsync(big, 0, stalled, token);
            await stalled.Stalled.WaitAsync(TimeSpan.FromSeconds(30));
            await WaitForStagedAsync(appData, big, 1);

            var saves = ready.Select((id, i) => member.SaveAsync(roundId, $"版本{i}", [id])).ToList();
            await Task.Delay(150);
            await site.KillAsync();
            await Task.WhenAll(saves.Select(t => t.ContinueWith(_ => { }, TaskScheduler.Default)));
            _ = streaming.ContinueWith(t => t.Exception, TaskScheduler.Default);
            // The kill must land while saves are in flight, or this test would not test the commit.
            Assert.Contains(saves, save => save.IsFaulted || save.Result.Status != HttpStatusCode.Redirect);
        }
        await File.WriteAllBytesAsync(Path.Combine(appData, "staging", Guid.NewGuid().ToString("N") + ".part"), new byte[100]);

        await using (var site = await RunningSite.StartAsync(environment, port))
        {
            await AssertEveryVersionIsWholeAsync(appData);
            await AssertEverySaveIsRecordedOnceAsync(appData);
            var staged = Directory.EnumerateFiles(Path.Combine(appData, "staging")).Select(Path.GetFileNameWithoutExtension).ToList();
            var receiving = await WithDbAsync(appData, db => db.SubmissionUploads.Where(u => u.Status == SubmissionUploadStatus.Receiving).Select(u => u.Id).ToListAsync());
            Assert.All(staged, name => Assert.Contains(receiving, id => id.ToString("N") == name));

            using var member = await SignedInAsync(site.Root, "crash@test.local");
            var roundId = await WithDbAsync(appData, db => db.Rounds.OrderBy(r => r.Sequence).Select(r => r.Id).FirstAsync());
            var token = await member.TokenAsync(roundId);
            using var head = await member.Http.SendAsync(new HttpRequestMessage(HttpMethod.Head, $"/submissions/uploads/{big}"));
            var offset = long.Parse(head.Headers.GetValues("Upload-Offset").Single(), System.Globalization.CultureInfo.InvariantCulture);
            Assert.InRange(offset, 1, 3 * 1024 * 1024);
            var resumed = await member.PatchAsync(big, offset, bigContent[(int)offset..], token);
            // The killed writer's lease may not have run out yet: a client waits as Retry-After says, as the browser script does.
            if (resumed.StatusCode == (HttpStatusCode)423)
            {
                await Task.Delay(TimeSpan.FromSeconds(int.Parse(resumed.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture) + 1));
                resumed = await member.PatchAsync(big, offset, bigContent[(int)offset..], token);
            }
            Assert.Equal(HttpStatusCode.OK, resumed.StatusCode);
            Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bigContent)),
                await WithDbAsync(appData, db => db.SubmissionUploads.Where(u => u.Id == big).Select(u => u.StorageKey).SingleAsync()));
        }
        // The chain, checked as an operator would after the crash: whole, consecutive, and agreeing with its anchor.
        var verify = await SiteProcess.RunAsync(environment, "audit", "verify");
        Assert.True(verify.ExitCode == 0, verify.Error);
        Assert.Contains("audit chain intact", verify.Output);
    }

    /// <summary>Every version the crash let commit has its audit entry, and no entry names a version that does not exist.</summary>
    private static async Task AssertEverySaveIsRecordedOnceAsync(string appData)
    {
        var versions = await WithDbAsync(appData, db => db.SubmissionVersions.Select(v => "version=" + v.Number).ToListAsync());
        var recorded = await WithDbAsync(appData, db => db.AuditEntries.Where(e => e.Action == "submission.saved").Select(e => e.Detail!).ToListAsync());
        Assert.Equal(versions.Order(), recorded.Order());
    }

    private static async Task AssertEveryVersionIsWholeAsync(string appData)
    {
        var entry = await WithDbAsync(appData, db => db.Submissions.AsNoTracking().Include(s => s.Versions).ThenInclude(v => v.Files).AsSplitQuery().SingleOrDefaultAsync());
        if (entry is null) return;
        var numbers = entry.Versions.Select(v => v.Number).Order().ToList();
        Assert.Equal(Enumerable.Range(1, entry.CurrentVersionNumber), numbers);
        Assert.All(entry.Versions, v => Assert.Single(v.Files));
        Assert.All(entry.Versions.SelectMany(v => v.Files), f => Assert.True(File.Exists(Path.Combine(appData, "files", f.StorageKey[..2], f.StorageKey[2..4], f.StorageKey))));
        var used = await WithDbAsync(appData, db => db.SubmissionUploads.CountAsync(u => u.Status == SubmissionUploadStatus.Used));
        Assert.Equal(entry.Versions.Count, used);
    }

    private static byte[] PdfNumbered(int i) => Encoding.ASCII.GetBytes($"%PDF-1.7\n% entry {i}\n1 0 obj\n<<>>\nendobj\n%%EOF");

    private static async Task WaitForStagedAsync(string appData, Guid id, long atLeast)
    {
        var path = Path.Combine(appData, "staging", id.ToString("N") + ".part");
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while ((!File.Exists(path) || new FileInfo(path).Length < atLeast) && waited.Elapsed < TimeSpan.FromSeconds(30)) await Task.Delay(50);
    }

    private static async Task<SiteClient> SignedInAsync(Uri root, string email)
    {
        var handler = new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false };
        var client = new SiteClient(new HttpClient(handler) { BaseAddress = root, Timeout = TimeSpan.FromMinutes(2) });
        var signedIn = await client.SignInAsync(email, Password);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.Status);
        return client;
    }

    /// <summary>Opens the first round now (the process runs on the real clock) and makes an approved team of one.</summary>
    private static Task<string> SeedOpenRoundAndTeamAsync(string appData) => WithDbAsync(appData, async db =>
    {
        var now = DateTimeOffset.UtcNow;
        var round = await db.Rounds.OrderBy(r => r.Sequence).FirstAsync();
        round.SubmissionOpensAt = now.AddHours(-1);
        round.SubmissionClosesAt = now.AddDays(1);
        var email = "crash@test.local";
        var user = new SiteUser
        {
            UserName = email, NormalizedUserName = email.ToUpperInvariant(), Email = email, NormalizedEmail = email.ToUpperInvariant(),
            EmailConfirmed = true, DisplayName = "崩溃测试", CreatedAt = now, SecurityStamp = Guid.NewGuid().ToString("N"),
        };
        user.PasswordHash = new PasswordHasher<SiteUser>().HashPassword(user, Password);
        db.Users.Add(user);
        var role = await db.Roles.SingleAsync(r => r.Name == "Contestant");
        db.UserRoles.Add(new IdentityUserRole<string> { UserId = user.Id, RoleId = role.Id });
        var track = await db.Tracks.OrderBy(t => t.Id).FirstAsync();
        db.Teams.Add(new Team
        {
            ContestId = track.ContestId, TrackId = track.Id, Name = "崩溃队", NameKey = "崩溃队", OrganizationName = "浙江大学",
            Status = TeamStatus.Approved, CreatedAt = now,
            Members = [new() { ContestId = track.ContestId, UserId = user.Id, RealName = "王队长", Phone = "13812341234", Organization = "浙江大学", Role = TeamRole.Captain }],
        });
        await db.SaveChangesAsync();
        return email;
    });

    private static async Task<T> WithDbAsync<T>(string appData, Func<ContestDbContext, Task<T>> action)
    {
        var options = new DbContextOptionsBuilder<SqliteContestDbContext>().UseSqlite($"Data Source={Path.Combine(appData, "contestsite.db")};Pooling=False").Options;
        await using var db = new SqliteContestDbContext(options);
        return await action(db);
    }

    /// <summary>A body that sends its first bytes and then stops, as a connection does when the server dies under it.</summary>
    private sealed class StallingContent(byte[] content, int stallAfter) : HttpContent
    {
        private readonly TaskCompletionSource _stalled = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public Task Stalled => _stalled.Task;

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            await stream.WriteAsync(content.AsMemory(0, stallAfter));
            await stream.FlushAsync();
            _stalled.TrySetResult();
            await Task.Delay(Timeout.Infinite).WaitAsync(TimeSpan.FromMinutes(2));
        }

        protected override bool TryComputeLength(out long length)
        {
            length = content.Length;
            return true;
        }
    }
}
