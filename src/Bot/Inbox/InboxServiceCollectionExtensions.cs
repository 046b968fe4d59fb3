namespace ChatCrm.Bot.Inbox;

public static class InboxServiceCollectionExtensions
{
    /// <summary>
    /// The inbox worker. Register after the database start-up so it never reads an unmigrated inbox; the
    /// <see cref="InboxSignal"/> it waits on is registered with the channels that store work.
    /// </summary>
    public static IServiceCollection AddInboxWorker(this IServiceCollection services)
    {
        services.AddOptions<InboxOptions>().BindConfiguration(InboxOptions.SectionName).ValidateDataAnnotations()
            .Validate(o => o.HeartbeatFitsLease, "Work:Heartbeat must be at most half of Work:Lease.").ValidateOnStart();
        services.AddHostedService<InboxWorker>();
        return services;
    }
}
