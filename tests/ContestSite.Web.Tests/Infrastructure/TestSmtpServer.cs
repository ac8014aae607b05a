using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using MimeKit;
using SmtpServer;
using SmtpServer.ComponentModel;
using SmtpServer.Net;
using SmtpServer.Protocol;
using SmtpServer.Storage;
using SmtpResponse = SmtpServer.Protocol.SmtpResponse;

namespace ContestSite.Web.Tests.Infrastructure;

/// <summary>
/// A real SMTP server on 127.0.0.1 that keeps what it receives. It can be stopped and started again on
/// the same port to play a mail server that is down.
/// </summary>
public sealed class TestSmtpServer : IAsyncDisposable
{
    private readonly ConcurrentQueue<MimeMessage> _received = new();
    private readonly SemaphoreSlim _arrived = new(0);
    private CancellationTokenSource? _running;
    private Task? _serverTask;

    public int Port { get; private set; }
    public IReadOnlyCollection<MimeMessage> Received => _received.ToArray();

    public static async Task<TestSmtpServer> StartAsync()
    {
        var server = new TestSmtpServer();
        await server.StartOnAsync(0);
        return server;
    }

    /// <summary>Starts listening again on the port it had before.</summary>
    public Task RestartAsync() => StartOnAsync(Port);

    public async Task StopAsync()
    {
        if (_running is null) return;
        await _running.CancelAsync();
        try { await _serverTask!; } catch (OperationCanceledException) { }
        _running.Dispose();
        _running = null;
    }

    /// <summary>Runs at every step of <see cref="WaitForAsync"/> while the mail has not come (the site moves its clock, so its outbox polls).</summary>
    public Action? WhileWaiting { get; set; }

    /// <summary>Waits for a message to <paramref name="to"/> matching <paramref name="match"/>; fails the test after the timeout.</summary>
    public async Task<MimeMessage> WaitForAsync(string to, Func<MimeMessage, bool>? match = null, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (true)
        {
            var found = _received.FirstOrDefault(m => m.To.Mailboxes.Any(b => b.Address.Equals(to, StringComparison.OrdinalIgnoreCase)) && (match?.Invoke(m) ?? true));
            if (found is not null) return found;
            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero) throw new TimeoutException($"No mail to {to} arrived; received: {string.Join(", ", _received.Select(m => m.To + ": " + m.Subject))}");
            WhileWaiting?.Invoke();
            await _arrived.WaitAsync(left < TimeSpan.FromMilliseconds(200) ? left : TimeSpan.FromMilliseconds(200));
        }
    }

    private async Task StartOnAsync(int port)
    {
        var started = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var options = new SmtpServerOptionsBuilder().ServerName("localhost")
            .Endpoint(e => e.Endpoint(new IPEndPoint(IPAddress.Loopback, port))).Build();
        var listeners = new EndpointListenerFactory();
        listeners.EndpointStarted += (_, e) => started.TrySetResult(((IPEndPoint)e.LocalEndPoint).Port);
        var services = new ServiceProvider();
        services.Add(new Store(this));
        services.Add(listeners);
        _running = new CancellationTokenSource();
        var server = new SmtpServer.SmtpServer(options, services);
        _serverTask = server.StartAsync(_running.Token);
        var finished = await Task.WhenAny(started.Task, _serverTask, Task.Delay(TimeSpan.FromSeconds(10)));
        if (finished != started.Task) throw new InvalidOperationException("The test SMTP server did not start");
        Port = started.Task.Result;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _arrived.Dispose();
    }

    private sealed class Store(TestSmtpServer owner) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            using var stream = new MemoryStream(buffer.ToArray());
            owner._received.Enqueue(await MimeMessage.LoadAsync(stream, cancellationToken));
            owner._arrived.Release();
            return SmtpResponse.Ok;
        }
    }
}
