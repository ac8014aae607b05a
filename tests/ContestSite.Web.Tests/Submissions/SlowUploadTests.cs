using System.Net;
using System.Net.Sockets;
using System.Text;
using ContestSite.Core.Submissions;
using ContestSite.Web.Tests.Infrastructure;
using ContestSite.Web.Tests.Teams;
using Microsoft.EntityFrameworkCore;
using static ContestSite.Web.Tests.Submissions.SubmissionTestKit;

namespace ContestSite.Web.Tests.Submissions;

/// <summary>Transport limits that only a real Kestrel enforces: the site listens on a loopback port and a raw socket misbehaves.</summary>
public sealed class SlowUploadTests
{
    [Fact]
    public async Task A_client_sending_100_bytes_a_second_is_cut_off_and_no_file_is_accepted()
    {
        await using var site = await SiteAsync(realPort: true, settings: s =>
        {
            s["ContestSite:Submissions:Uploads:MinBytesPerSecond"] = "1000";
            s["ContestSite:Submissions:Uploads:MinDataRateGrace"] = "00:00:02";
        });
        var team = await site.ApprovedTeamAsync();
        var cookies = new CookieContainer();
        using var member = site.NewClient(cookies);
        var email = await site.WithDbAsync(db => db.Users.Where(u => db.TeamMembers.Any(m => m.TeamId == team.Id && m.Role == Core.Teams.TeamRole.Member && m.UserId == u.Id)).Select(u => u.Email!).SingleAsync());
        await member.SignInAsync(email, SiteBuilders.Password);
        var token = await member.TokenAsync(team.RoundId);
        var id = await IdOfAsync(await member.StartUploadAsync(team.RoundId, SubmissionFileKind.Proposal, "slow.pdf", 100_000, token));

        var (status, body) = await SendSlowlyAsync(site.RootUri!, id, cookies.GetCookieHeader(site.RootUri!), token, TimeSpan.FromSeconds(20));

        Assert.Equal(408, status);
        Assert.Contains("上传中断（网络断开或速度过慢）", body);
        var upload = await site.WithDbAsync(db => db.SubmissionUploads.SingleAsync(u => u.Id == id));
        Assert.Equal(SubmissionUploadStatus.Receiving, upload.Status);
        Assert.True(site.StagedBytes() < 100_000);
        Assert.Null(await site.EntryAsync(team.Id));
        team.Dispose();
    }

    /// <summary>Announces 100,000 bytes and sends 100 a second; returns the status line's code and the body the site answered with.</summary>
    private static async Task<(int Status, string Body)> SendSlowlyAsync(Uri root, Guid id, string cookie, string token, TimeSpan limit)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(root.Host, root.Port);
        var stream = tcp.GetStream();
        var head = $"PATCH /submissions/uploads/{id} HTTP/1.1\r\nHost: {root.Authority}\r\nCookie: {cookie}\r\nRequestVerificationToken: {token}\r\n" +
                   "Upload-Offset: 0\r\nContent-Type: application/offset+octet-stream\r\nContent-Length: 100000\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head));
        var reading = ReadAllAsync(stream);
        var started = System.Diagnostics.Stopwatch.StartNew();
        var chunk = Encoding.ASCII.GetBytes("%PDF-1.7 " + new string('x', 91));
        try
        {
            while (!reading.IsCompleted && started.Elapsed < limit)
            {
                await stream.WriteAsync(chunk);
                await Task.Delay(1000);
            }
        }
        catch (IOException)
        {
            // The site closed the connection: what it answered before that is in the reading.
        }
        var response = await reading.WaitAsync(TimeSpan.FromSeconds(10));
        var status = int.Parse(response.Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
        var body = response.Contains("\r\n\r\n", StringComparison.Ordinal) ? response[(response.IndexOf("\r\n\r\n", StringComparison.Ordinal) + 4)..] : "";
        return (status, body);
    }

    private static async Task<string> ReadAllAsync(NetworkStream stream)
    {
        var buffer = new byte[8192];
        var text = new StringBuilder();
        try
        {
            int read;
            while ((read = await stream.ReadAsync(buffer)) > 0) text.Append(Encoding.UTF8.GetString(buffer, 0, read));
        }
        catch (IOException)
        {
            // Reset after the answer: keep what was read.
        }
        return text.ToString();
    }
}
