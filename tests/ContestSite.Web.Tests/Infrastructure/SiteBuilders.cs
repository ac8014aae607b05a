using System.Net;
using ContestSite.Core.Judging;
using ContestSite.Core.Submissions;
using ContestSite.Core.Teams;
using ContestSite.Web.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ContestSite.Web.Tests.Infrastructure;

/// <summary>An approved team of the first round: its captain and one member signed in.</summary>
public sealed record TestTeam(int Id, int RoundId, SiteClient Captain, SiteClient Member, string CaptainEmail) : IDisposable
{
    /// <summary>For tests that only need the captain's client and the team.</summary>
    public void Deconstruct(out SiteClient captain, out int id)
    {
        captain = Captain;
        id = Id;
    }

    public void Dispose()
    {
        Captain.Dispose();
        Member.Dispose();
    }
}

/// <summary>One person of a team made directly in the database; the first of a team is its captain.</summary>
public sealed record TeamSeat(string UserId, string RealName, string Phone = "13812341234");

/// <summary>
/// The builders every feature's tests share: people signed in, teams, judges and finalised entries made
/// directly in the database (the features that make them for real test that through their pages).
/// </summary>
public static class SiteBuilders
{
    /// <summary>The password of every account the builders make.</summary>
    public const string Password = "Secret-pass-42";
    public const string FirstTrack = "数字政府";

    /// <summary>A client of the in-process server, or of the real port when the site listens on one.</summary>
    public static SiteClient NewClient(this SiteFactory site, CookieContainer? cookies = null)
    {
        if (site.RootUri is null) return site.CreateSiteClient();
        var handler = new HttpClientHandler { CookieContainer = cookies ?? new CookieContainer(), AllowAutoRedirect = false };
        return new SiteClient(new HttpClient(handler) { BaseAddress = site.RootUri });
    }

    public static async Task<SiteClient> SignedInAsync(this SiteFactory site, string email, string password = Password)
    {
        var client = site.NewClient();
        await site.SignInAsync(client, email, password);
        return client;
    }

    /// <summary>
    /// Signs <paramref name="client"/> in. An organizer or judge first gets an authenticator (their role requires one)
    /// and answers the code step with the code their app would show.
    /// </summary>
    public static async Task<SiteClient.Page> SignInAsync(this SiteFactory site, SiteClient client, string email, string password = Password, string? returnUrl = null)
    {
        await site.EnrolAuthenticatorIfRequiredAsync(email);
        var signedIn = await client.SignInAsync(email, password, returnUrl);
        if (signedIn.Location?.OriginalString.StartsWith("/account/login/code", StringComparison.Ordinal) == true)
        {
            await site.ForgetLastAuthenticatorCodeAsync(email);
            signedIn = await client.PostFormAsync(signedIn.Location.OriginalString,
                new Dictionary<string, string> { ["Code"] = await site.AuthenticatorCodeAsync(email) });
        }
        Assert.True(signedIn.Status == HttpStatusCode.Redirect, $"{email} could not sign in: {signedIn.Text}");
        return signedIn;
    }

    public static Task<SiteClient> OrganizerAsync(this SiteFactory site) => site.SignedInAsync(SiteFactory.OrganizerEmail, SiteFactory.OrganizerPassword);

    public static Task<string> OrganizerIdAsync(this SiteFactory site) =>
        site.WithDbAsync(db => db.Users.Where(u => u.Email == SiteFactory.OrganizerEmail).Select(u => u.Id).SingleAsync());

    /// <summary>A contestant's account, signed in (in no team yet).</summary>
    public static async Task<SiteClient> ContestantAsync(this SiteFactory site, string email)
    {
        await site.CreateUserAsync(email, Password, "Contestant");
        return await site.SignedInAsync(email);
    }

    /// <summary>A judge's account, with a profile when <paramref name="organization"/> or <paramref name="tags"/> is given; returns the user id.</summary>
    public static async Task<string> JudgeAsync(this SiteFactory site, string email, string? organization = null, string? tags = null)
    {
        var user = await site.CreateUserAsync(email, Password, "Judge");
        if (organization is not null || tags is not null)
            await site.WithDbAsync(async db =>
            {
                db.JudgeProfiles.Add(new JudgeProfile { UserId = user.Id, Organization = organization, ExpertiseTags = tags });
                return await db.SaveChangesAsync();
            });
        return user.Id;
    }

    public static Task<int> TrackIdAsync(this SiteFactory site, string name = FirstTrack) =>
        site.WithDbAsync(db => db.Tracks.Where(t => t.Name == name).Select(t => t.Id).SingleAsync());

    public static Task<int> FirstRoundIdAsync(this SiteFactory site) =>
        site.WithDbAsync(db => db.Rounds.OrderBy(r => r.Sequence).Select(r => r.Id).FirstAsync());

    public static Task<int> AuditCountAsync(this SiteFactory site, string action) =>
        site.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Action == action));

    /// <summary>The newest audit entry of an action.</summary>
    public static Task<ContestSite.Core.Audit.AuditEntry> AuditEntryAsync(this SiteFactory site, string action) =>
        site.WithDbAsync(db => db.AuditEntries.Where(e => e.Action == action).OrderByDescending(e => e.Id).FirstAsync());

    /// <summary>A team of the current contest made directly in the database; returns its id.</summary>
    public static Task<int> AddTeamAsync(this SiteFactory site, string name, string track = FirstTrack, TeamStatus status = TeamStatus.Approved,
        string organization = "浙江大学", params TeamSeat[] seats) =>
        site.WithDbAsync(async db =>
        {
            var contest = await db.Contests.Include(c => c.Tracks).SingleAsync();
            var now = site.Clock.GetUtcNow();
            var team = new Team
            {
                ContestId = contest.Id, TrackId = contest.Tracks.Single(t => t.Name == track).Id, Name = name, NameKey = TeamNames.Normalize(name),
                OrganizationName = organization, Status = status, CreatedAt = now,
            };
            team.Members.AddRange(seats.Select((seat, i) => new TeamMember
            {
                ContestId = contest.Id, UserId = seat.UserId, RealName = seat.RealName, Phone = seat.Phone, Organization = organization,
                Role = i == 0 ? TeamRole.Captain : TeamRole.Member, JoinedAt = now,
            }));
            db.Teams.Add(team);
            await db.SaveChangesAsync();
            return team.Id;
        });

    /// <summary>An approved team whose members are new contestant accounts with the given addresses (the first is captain); nobody signed in.</summary>
    public static async Task<int> TeamWithMembersAsync(this SiteFactory site, string name, string track, params string[] emails)
    {
        var seats = new List<TeamSeat>();
        foreach (var (email, i) in emails.Select((e, i) => (e, i)))
            seats.Add(new TeamSeat((await site.CreateUserAsync(email, Password, "Contestant")).Id, "成员" + i, "1381234123" + i));
        return await site.AddTeamAsync(name, track, seats: [.. seats]);
    }

    /// <summary>
    /// An approved team of the first track, a captain and one member, both signed in, made directly in the database
    /// (forming and approving teams are the teams feature's tests), so the clock may stand anywhere in the round.
    /// Without a name, the team gets a unique one.
    /// </summary>
    public static async Task<TestTeam> ApprovedTeamAsync(this SiteFactory site, string? name = null, string? captainEmail = null)
    {
        var prefix = Guid.NewGuid().ToString("N")[..8];
        var captainUser = await site.CreateUserAsync(captainEmail ?? $"{prefix}-captain@test.local", Password, "Contestant");
        var memberUser = await site.CreateUserAsync($"{prefix}-member@test.local", Password, "Contestant");
        var teamId = await site.AddTeamAsync(name ?? "开放数据队" + prefix[..4],
            seats: [new TeamSeat(captainUser.Id, "张队长"), new TeamSeat(memberUser.Id, "李队员", "13812345678")]);
        return new TestTeam(teamId, await site.FirstRoundIdAsync(), await site.SignedInAsync(captainUser.Email!), await site.SignedInAsync(memberUser.Email!), captainUser.Email!);
    }

    /// <summary>A team with its captain and a finalised entry in the first round, made directly in the database; returns the submission id.</summary>
    public static async Task<int> EntryAsync(this SiteFactory site, string title, string organization = "杭州某科技公司", string track = FirstTrack,
        byte[]? proposal = null, string? teamName = null)
    {
        var captain = await site.CreateUserAsync($"captain-{Guid.NewGuid():N}@test.local", Password, "Contestant");
        var teamId = await site.AddTeamAsync(teamName ?? $"{title}队", track, organization: organization, seats: [new TeamSeat(captain.Id, "王队长", "13812345678")]);
        StoredFile? stored = null;
        if (proposal is not null)
            await site.WithScopeAsync(async services => stored = await services.GetRequiredService<IFileStore>().SaveAsync(new MemoryStream(proposal), 1_000_000));
        return await site.WithDbAsync(async db =>
        {
            var team = await db.Teams.SingleAsync(t => t.Id == teamId);
            var roundId = await db.Rounds.Where(r => r.ContestId == team.ContestId && r.Sequence == 1).Select(r => r.Id).SingleAsync();
            var now = site.Clock.GetUtcNow();
            var version = new SubmissionVersion
            {
                Number = 1, Title = title, Pitch = "一句话介绍", Description = "**作品介绍**", Category = "城市治理", SavedAt = now, SavedByUserId = captain.Id,
            };
            if (stored is not null)
                version.Files.Add(new SubmissionFile { Kind = SubmissionFileKind.Proposal, FileName = "方案.pdf", ContentType = "application/pdf", Length = stored.Size, Sha256 = stored.Sha256, StorageKey = stored.Key });
            var submission = new Submission
            {
                ContestId = team.ContestId, RoundId = roundId, TrackId = team.TrackId, TeamId = team.Id,
                Status = SubmissionStatus.Finalised, CurrentVersionNumber = 1, CreatedAt = now, UpdatedAt = now, FinalisedAt = now, FinalisedByUserId = captain.Id,
                Versions = [version],
            };
            db.Submissions.Add(submission);
            await db.SaveChangesAsync();
            return submission.Id;
        });
    }

    /// <summary>
    /// Polls until <paramref name="condition"/> holds, moving the site's clock by <paramref name="step"/> (default: one outbox poll)
    /// between checks, so the site's background loops run as they would while real time passes.
    /// </summary>
    public static Task WhileTimePassesUntilAsync(this SiteFactory site, Func<Task<bool>> condition, TimeSpan? step = null, int seconds = 20) =>
        WaitUntilAsync(async () =>
        {
            if (await condition()) return true;
            site.Clock.Advance(step ?? SiteFactory.OutboxPollInterval);
            return false;
        }, seconds);

    /// <summary>Polls until <paramref name="condition"/> holds, for what happens outside the site's clock (another process, a socket, a pass already woken).</summary>
    public static async Task WaitUntilAsync(Func<Task<bool>> condition, int seconds = 20)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline) Assert.Fail("the condition did not become true in time");
            await Task.Delay(100);
        }
    }
}
