using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ContestSite.Core.Submissions;
using ContestSite.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ContestSite.Web.Tests.Submissions;

/// <summary>The builders of the submission tests: a site inside the first round's window, uploads and saves over HTTP.</summary>
public static class SubmissionTestKit
{
    /// <summary>Inside the registration window and the first round's submission window (初赛 closes 2020-10-31 18:00 China time).</summary>
    public static readonly DateTimeOffset DuringFirstRound = new(2020, 9, 1, 10, 0, 0, TimeSpan.FromHours(8));
    public static readonly DateTimeOffset FirstRoundCloses = new(2020, 10, 31, 18, 0, 0, TimeSpan.FromHours(8));
    public static readonly DateTimeOffset HourBeforeFirstDeadline = FirstRoundCloses.AddHours(-1);

    public static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF");

    public static Task<SiteFactory> SiteAsync(TestProvider provider = TestProvider.Sqlite, bool realPort = false,
        Action<Dictionary<string, string?>>? settings = null, DateTimeOffset? now = null) =>
        SiteFactory.CreateAsync(provider, realPort, settings, now: now ?? DuringFirstRound);

    public static async Task<string> TokenAsync(this SiteClient client, int roundId)
    {
        var page = await client.GetAsync($"/submissions/{roundId}");
        return page.AntiforgeryToken ?? throw new InvalidOperationException($"no form on the entry page ({page.Status}): {page.Text}");
    }

    public static async Task<HttpResponseMessage> StartUploadAsync(this SiteClient client, int roundId, SubmissionFileKind kind, string name, long length, string? token = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/submissions/uploads")
        {
            Content = JsonContent.Create(new { roundId, kind = kind.ToString(), fileName = name, length }),
        };
        request.Headers.Add("RequestVerificationToken", token ?? await client.TokenAsync(roundId));
        return await client.Http.SendAsync(request);
    }

    public static async Task<HttpResponseMessage> PatchAsync(this SiteClient client, Guid id, long offset, HttpContent body, string token, byte[]? chunkSha256 = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Patch, $"/submissions/uploads/{id}") { Content = body };
        request.Headers.Add("RequestVerificationToken", token);
        request.Headers.Add("Upload-Offset", offset.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (chunkSha256 is not null) request.Headers.Add("Upload-Checksum", "sha256 " + Convert.ToBase64String(chunkSha256));
        body.Headers.ContentType = new MediaTypeHeaderValue("application/offset+octet-stream");
        return await client.Http.SendAsync(request);
    }

    public static Task<HttpResponseMessage> PatchAsync(this SiteClient client, Guid id, long offset, byte[] chunk, string token, byte[]? chunkSha256 = null) =>
        client.PatchAsync(id, offset, new ByteArrayContent(chunk), token, chunkSha256);

    public static async Task<Guid> IdOfAsync(HttpResponseMessage started)
    {
        Assert.True(started.StatusCode == HttpStatusCode.Created, await started.Content.ReadAsStringAsync());
        return (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    public static async Task<string> ErrorOfAsync(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString()!;

    /// <summary>Announces and sends a whole file in one chunk; returns the final response (200 when accepted).</summary>
    public static async Task<(Guid Id, HttpResponseMessage Response)> UploadAsync(this SiteClient client, int roundId, SubmissionFileKind kind, string name, byte[] content)
    {
        var token = await client.TokenAsync(roundId);
        var id = await IdOfAsync(await client.StartUploadAsync(roundId, kind, name, content.Length, token));
        return (id, await client.PatchAsync(id, 0, content, token));
    }

    public static async Task<Guid> UploadOkAsync(this SiteClient client, int roundId, SubmissionFileKind kind, string name, byte[] content)
    {
        var (id, response) = await client.UploadAsync(roundId, kind, name, content);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return id;
    }

    public static Task<SiteClient.Page> SaveAsync(this SiteClient client, int roundId, string title, IEnumerable<Guid>? uploads = null, IEnumerable<int>? keep = null)
    {
        var fields = new List<KeyValuePair<string, string>> { new("Input.Title", title), new("Input.Pitch", "一句话") };
        fields.AddRange((uploads ?? []).Select(u => new KeyValuePair<string, string>("Input.UploadIds", u.ToString())));
        fields.AddRange((keep ?? []).Select(k => new KeyValuePair<string, string>("Input.KeepFileIds", k.ToString(System.Globalization.CultureInfo.InvariantCulture))));
        return client.PostFieldsAsync($"/submissions/{roundId}", fields, $"/submissions/{roundId}?handler=Save");
    }

    /// <summary>Opens the confirmation page of 定稿 and confirms there, as the captain's browser does.</summary>
    public static Task<SiteClient.Page> FinaliseAsync(this SiteClient client, int roundId) =>
        client.PostFieldsAsync($"/submissions/{roundId}/finalise", [new("confirmed", "true")], $"/submissions/{roundId}?handler=Finalise");

    /// <summary>Like PostFormAsync, but fields may repeat (lists).</summary>
    public static async Task<SiteClient.Page> PostFieldsAsync(this SiteClient client, string formPage, List<KeyValuePair<string, string>> fields, string action)
    {
        var page = await client.GetAsync(formPage);
        fields.Add(new("__RequestVerificationToken", page.AntiforgeryToken ?? throw new InvalidOperationException($"{formPage}: {page.Status}")));
        return await client.PostAsync(action, fields);
    }

    public static Task<Submission?> EntryAsync(this SiteFactory site, int teamId) =>
        site.WithDbAsync(db => db.Submissions.AsNoTracking().Include(s => s.Versions).ThenInclude(v => v.Files).AsSplitQuery().FirstOrDefaultAsync(s => s.TeamId == teamId));

    public static Task<int> UploadCountAsync(this SiteFactory site) => site.WithDbAsync(db => db.SubmissionUploads.CountAsync());

    /// <summary>Files in the content store (thumbnails included).</summary>
    public static int StoredFileCount(this SiteFactory site) =>
        Directory.Exists(Path.Combine(site.AppDataPath, "files")) ? Directory.EnumerateFiles(Path.Combine(site.AppDataPath, "files"), "*", SearchOption.AllDirectories).Count() : 0;

    /// <summary>Where the content store keeps the file of <paramref name="key"/>.</summary>
    public static string StoredPath(this SiteFactory site, string key) => Path.Combine(site.AppDataPath, "files", key[..2], key[2..4], key);

    public static long StagedBytes(this SiteFactory site) =>
        Directory.EnumerateFiles(Path.Combine(site.AppDataPath, "staging")).Sum(f => new FileInfo(f).Length);
}
