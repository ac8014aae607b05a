using System.Net.Sockets;
using System.Text;

namespace ContestSite.Web.Tests.Infrastructure;

/// <summary>
/// One HTTP/1.1 request on a raw socket to a site on a real port, sent in the pieces a test chooses: the head
/// now, the body later (as a slow or hostile client does), and the answer read whenever it comes.
/// </summary>
public sealed class RawHttpRequest : IDisposable
{
    private readonly TcpClient _tcp = new();
    private readonly List<byte> _received = [];
    private NetworkStream _stream = null!;

    public static async Task<RawHttpRequest> SendHeadAsync(Uri root, string method, string path, long contentLength, params (string Name, string Value)[] headers)
    {
        var request = new RawHttpRequest();
        await request._tcp.ConnectAsync(root.Host, root.Port);
        request._stream = request._tcp.GetStream();
        var head = new StringBuilder($"{method} {path} HTTP/1.1\r\nHost: {root.Authority}\r\n");
        foreach (var (name, value) in headers) head.Append(name).Append(": ").Append(value).Append("\r\n");
        head.Append("Content-Length: ").Append(contentLength).Append("\r\n\r\n");
        await request._stream.WriteAsync(Encoding.ASCII.GetBytes(head.ToString()));
        await request._stream.FlushAsync();
        return request;
    }

    /// <summary>Sends (part of) the body; a site that already answered and closed the connection is not an error here.</summary>
    public async Task<bool> SendBodyAsync(ReadOnlyMemory<byte> body)
    {
        try
        {
            await _stream.WriteAsync(body);
            await _stream.FlushAsync();
            return true;
        }
        catch (IOException)
        {
            return false;
        }
    }

    /// <summary>Reads until one whole answer (head and Content-Length body) is in; its status and body text.</summary>
    public async Task<(int Status, string Head, string Body)> ReadAnswerAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        var buffer = new byte[8192];
        while (true)
        {
            var answer = TryParse();
            if (answer is not null) return answer.Value;
            var read = await _stream.ReadAsync(buffer, cancel.Token);
            if (read == 0) return TryParse() ?? throw new IOException("connection closed before a whole answer: " + Encoding.UTF8.GetString(_received.ToArray()));
            _received.AddRange(buffer.AsSpan(0, read));
        }
    }

    /// <summary>Waits until the site closes the connection or the time is up (whatever it does with a body sent after its answer).</summary>
    public async Task DrainAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        var buffer = new byte[8192];
        try
        {
            while (await _stream.ReadAsync(buffer, cancel.Token) > 0) { }
        }
        catch (Exception exception) when (exception is IOException or OperationCanceledException)
        {
            // Reset or still open at the end of the wait: either way the site has had the body.
        }
    }

    private (int, string, string)? TryParse()
    {
        var bytes = _received.ToArray();
        var end = IndexOf(bytes, "\r\n\r\n"u8, 0);
        if (end < 0) return null;
        var head = Encoding.ASCII.GetString(bytes, 0, end);
        var fields = head.Split("\r\n").Skip(1).Select(line => line.Split(':', 2)).Where(parts => parts.Length == 2)
            .ToDictionary(parts => parts[0].Trim(), parts => parts[1].Trim(), StringComparer.OrdinalIgnoreCase);
        var position = end + 4;
        var body = new List<byte>();
        if (fields.TryGetValue("Transfer-Encoding", out var encoding) && encoding.Contains("chunked", StringComparison.OrdinalIgnoreCase))
        {
            while (true)
            {
                var lineEnd = IndexOf(bytes, "\r\n"u8, position);
                if (lineEnd < 0) return null;
                var size = Convert.ToInt32(Encoding.ASCII.GetString(bytes, position, lineEnd - position).Split(';')[0], 16);
                if (bytes.Length < lineEnd + 2 + size + 2) return null;
                body.AddRange(bytes.AsSpan(lineEnd + 2, size));
                position = lineEnd + 2 + size + 2;
                if (size == 0) break;
            }
        }
        else
        {
            var length = fields.TryGetValue("Content-Length", out var value) ? int.Parse(value, System.Globalization.CultureInfo.InvariantCulture) : 0;
            if (bytes.Length < position + length) return null;
            body.AddRange(bytes.AsSpan(position, length));
            position += length;
        }
        _received.RemoveRange(0, position);
        var status = int.Parse(head.Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
        return (status, head, Encoding.UTF8.GetString(body.ToArray()));
    }

    private static int IndexOf(byte[] bytes, ReadOnlySpan<byte> what, int from)
    {
        var found = bytes.AsSpan(from).IndexOf(what);
        return found < 0 ? -1 : from + found;
    }

    public void Dispose() => _tcp.Dispose();
}
