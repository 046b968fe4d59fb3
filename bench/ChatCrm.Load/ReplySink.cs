using System.Net;
using System.Net.Sockets;

namespace ChatCrm.Load;

/// <summary>
/// A stand-in for Slack's <c>response_url</c> hooks on loopback: accepts the bot's replies and counts them, so a run
/// never makes the bot call outside this machine and the report can say how many answers came back after the acks.
/// </summary>
public sealed class ReplySink : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Task _loop;
    private int _received;

    private ReplySink(Uri address)
    {
        Address = address;
        _listener.Prefixes.Add(address.AbsoluteUri);
        _listener.Start();
        _loop = Task.Run(LoopAsync);
    }

    /// <summary>Where replies go: <c>http://127.0.0.1:&lt;port&gt;/hooks/</c>.</summary>
    public Uri Address { get; }

    public int Received => Volatile.Read(ref _received);

    public static ReplySink Start()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return new ReplySink(new Uri($"http://127.0.0.1:{port}/hooks/"));
    }

    /// <summary>Waits until <paramref name="count"/> replies arrived or <paramref name="patience"/> ran out; the count reached.</summary>
    public async Task<int> WaitForAsync(int count, TimeSpan patience)
    {
        var deadline = DateTime.UtcNow + patience;
        while (Received < count && DateTime.UtcNow < deadline)
            await Task.Delay(100);
        return Received;
    }

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        try
        {
            await _loop;
        }
        catch (HttpListenerException)
        {
        }
        catch (ObjectDisposedException)
        {
        }
        _listener.Close();
    }

    private async Task LoopAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception stopped) when (stopped is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }
            await context.Request.InputStream.CopyToAsync(Stream.Null);
            Interlocked.Increment(ref _received);
            context.Response.StatusCode = 200;
            context.Response.Close();
        }
    }
}
