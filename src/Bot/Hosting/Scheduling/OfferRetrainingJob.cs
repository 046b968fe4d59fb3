using ChatCrm.Infrastructure.Offers;
using Quartz;

namespace ChatCrm.Bot.Hosting.Scheduling;

/// <summary>
/// Retrains the offer propensity model on every answer collected so far (the feedback loop of the "Accept / Not now /
/// Decline" buttons) and stores it as the new version every instance ranks with. With too little history it trains
/// nothing and says so in the log: the rules keep ranking. One run at a time across the cluster.
/// </summary>
[DisallowConcurrentExecution]
public sealed partial class OfferRetrainingJob(IServiceScopeFactory scopes, ILogger<OfferRetrainingJob> logger) : ScopedJob(scopes)
{
    protected override async Task RunAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        try
        {
            await services.GetRequiredService<OfferModelTraining>().TrainAsync(null, cancellationToken);
        }
        catch (NotEnoughOfferHistoryException problem)
        {
            LogSkipped(logger, problem.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Offer model not retrained: {Why}")]
    private static partial void LogSkipped(ILogger logger, string why);
}
