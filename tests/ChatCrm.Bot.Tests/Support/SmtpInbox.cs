using System.Buffers;
using System.Net;
using System.Net.Sockets;
using System.Threading.Channels;
using MimeKit;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace ChatCrm.Bot.Tests.Support;

/// <summary>
/// A real SMTP server (the SmtpServer package) on a free loopback port, in process: every message the bot sends
/// arrives here, parsed by MimeKit, in the order it was received.
/// </summary>
public sealed class SmtpInbox : IAsyncDisposable
{
    private readonly Channel<MimeMessage> _received = Channel.CreateUnbounded<MimeMessage>();
    private readonly CancellationTokenSource _stop = new();
    private Task _running = Task.CompletedTask;

    public int Port { get; private set; }

    /// <summary>The settings that point the bot at this server (no TLS, no sign-in: a loopback test server).</summary>
    public IEnumerable<KeyValuePair<string, string?>> Settings() =>
    [
        new("Smtp:Host", "127.0.0.1"),
        new("Smtp:Port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        new("Smtp:TlsMode", "None"),
        new("Smtp:FromAddress", "privacy@chatcrm.test"),
    ];

    public static SmtpInbox Start()
    {
        var inbox = new SmtpInbox { Port = FreePort() };
        var options = new SmtpServerOptionsBuilder().ServerName("localhost")
            .Endpoint(endpoint => endpoint.Endpoint(new IPEndPoint(IPAddress.Loopback, inbox.Port))).Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new Store(inbox._received.Writer));
        inbox._running = new SmtpServer.SmtpServer(options, services).StartAsync(inbox._stop.Token);
        return inbox;
    }

    /// <summary>The next message received (waiting for it; a test that gets none fails after a minute instead of hanging).</summary>
    public async Task<MimeMessage> NextAsync()
    {
        using var patience = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        return await _received.Reader.ReadAsync(patience.Token);
    }

    /// <summary>Whether a message arrived that no one has taken with <see cref="NextAsync"/> yet.</summary>
    public bool HasUnread => _received.Reader.TryPeek(out _);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _running;
        }
        catch (OperationCanceledException)
        {
        }
        _stop.Dispose();
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    private sealed class Store(ChannelWriter<MimeMessage> received) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            using var stream = new MemoryStream(buffer.ToArray());
            await received.WriteAsync(await MimeMessage.LoadAsync(stream, cancellationToken), cancellationToken);
            return SmtpResponse.Ok;
        }
    }
}
