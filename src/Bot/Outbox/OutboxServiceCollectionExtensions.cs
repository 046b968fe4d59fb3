using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ChatCrm.Bot.Outbox;

public static class OutboxServiceCollectionExtensions
{
    /// <summary>Writing a turn's replies with it and sending them after the commit; each channel adds its <see cref="IReplyDelivery"/>.</summary>
    public static IServiceCollection AddReplyOutbox(this IServiceCollection services)
    {
        services.AddOptions<OutboxOptions>().BindConfiguration(OutboxOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<OutboxOptions>, OutboxOptionsValidation>());
        services.AddSingleton<OutboxSendsInProgress>();
        services.AddSingleton<OutboxSignal>();
        services.AddScoped<ReplyOutbox>();
        services.AddScoped<OutboxSender>();
        return services;
    }

    /// <summary>The durable path. Register after the database start-up, as the inbox worker.</summary>
    public static IServiceCollection AddOutboxWorker(this IServiceCollection services)
    {
        services.AddHostedService<OutboxWorker>();
        return services;
    }
}
