using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;

namespace ContestSite.Benchmarks.Submissions;

/// <summary>A signed-in contestant of the site under test: cookies, the entry page's antiforgery token, uploads and form posts.</summary>
internal sealed partial class BenchClient(Uri root) : IDisposable
{
    private readonly HttpClient _http = new(new SocketsHttpHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = root, Timeout = TimeSpan.FromMinutes(30) };

    public HttpClient Http => _http;

    public async Task SignInAsync(string email, string password)
    {
        var token = await TokenAsync("/account/login");
        var answer = await PostFormAsync("/account/login", [new("Input.Email", email), new("Input.Password", password), new("__RequestVerificationToken", token)]);
        if (answer.StatusCode != HttpStatusCode.Redirect) throw new InvalidOperationException($"sign-in failed: {answer.StatusCode}");
    }

    public async Task<string> TokenAsync(string page)
    {
        var html = await _http.GetStringAsync(page);
        return WebUtility.HtmlDecode(TokenPattern().Match(html).Groups[1].Value);
    }

    public Task<HttpResponseMessage> PostFormAsync(string url, IEnumerable<KeyValuePair<string, string>> fields) =>
        _http.PostAsync(url, new FormUrlEncodedContent(fields));

    public async Task<Guid> StartUploadAsync(int roundId, string kind, string name, long length, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/submissions/uploads")
        {
            Content = System.Net.Http.Json.JsonContent.Create(new { roundId, kind, fileName = name, length }),
        };
        request.Headers.Add("RequestVerificationToken", token);
        using var response = await _http.SendAsync(request);
        if (response.StatusCode != HttpStatusCode.Created) throw new InvalidOperationException($"start: {response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        var json = await System.Net.Http.Json.HttpContentJsonExtensions.ReadFromJsonAsync<System.Text.Json.JsonElement>(response.Content);
        return json.GetProperty("id").GetGuid();
    }

    public async Task<HttpResponseMessage> PatchAsync(Guid id, long offset, HttpContent body, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Patch, $"/submissions/uploads/{id}") { Content = body };
        request.Headers.Add("RequestVerificationToken", token);
        request.Headers.Add("Upload-Offset", offset.ToString(System.Globalization.CultureInfo.InvariantCulture));
        body.Headers.ContentType = new MediaTypeHeaderValue("application/offset+octet-stream");
        return await _http.SendAsync(request);
    }

    public void Dispose() => _http.Dispose();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}

/// <summary>A slice of a file as a request body, streamed from disk.</summary>
internal sealed class FileSliceContent(string path, long offset, long length) : HttpContent
{
    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
    {
        await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20, FileOptions.Asynchronous | FileOptions.SequentialScan);
        file.Position = offset;
        var buffer = new byte[1 << 20];
        var left = length;
        while (left > 0)
        {
            var read = await file.ReadAsync(buffer.AsMemory(0, (int)Math.Min(buffer.Length, left)));
            await stream.WriteAsync(buffer.AsMemory(0, read));
            left -= read;
        }
    }

    protected override bool TryComputeLength(out long size)
    {
        size = length;
        return true;
    }
}
