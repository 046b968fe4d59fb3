using System.Threading.Channels;
using ChatCrm.Domain.Customers;
using ChatCrm.Infrastructure.PrivacyCentre;

namespace ChatCrm.Bot.Features.PrivacyCentre;

/// <summary>
/// Link e-mails the sign-in page asked for, sent after the page has answered: the page takes as long for an unknown
/// address as for a known one, and a slow mail server cannot hold a browser up. A link lost to a restart is asked for again.
/// </summary>
public sealed partial class PrivacyLinkOutbox(IServiceScopeFactory scopes, ILogger<PrivacyLinkOutbox> logger) : BackgroundService
{
    private readonly Channel<(CustomerId Customer, string Email)> _queue =
        Channel.CreateBounded<(CustomerId, string)>(new BoundedChannelOptions(1000) { FullMode = BoundedChannelFullMode.DropWrite });

    public void Enqueue(CustomerId customer, string email) => _queue.Writer.TryWrite((customer, email));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var (customerId, email) in _queue.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var lookup = scope.ServiceProvider.GetRequiredService<CustomerEmailLookup>();
                if (await lookup.FindAsync(email, stoppingToken) is { } customer && customer.Id == customerId)
                {
                    var outcome = await scope.ServiceProvider.GetRequiredService<PrivacyLinkMail>().SendAsync(customer, email, null, stoppingToken);
                    LogOutcome(logger, outcome);
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                LogFailed(logger, exception);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Privacy centre link asked for on the page: {Outcome}")]
    private static partial void LogOutcome(ILogger logger, LinkMailOutcome outcome);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A privacy centre link could not be e-mailed")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
