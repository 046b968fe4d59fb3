using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ChatCrm.Bot.Conversations.Commands;

/// <summary>How a feature registers what it answers: each handler is scoped (it works inside one turn's transaction).</summary>
public static class CommandServiceCollectionExtensions
{
    public static IServiceCollection AddChatCommand<T>(this IServiceCollection services) where T : class, IChatCommand
    {
        services.TryAddScoped<T>();
        services.AddSingleton(new CommandRegistration(T.Spec, typeof(T)));
        return services;
    }

    public static IServiceCollection AddCardAction<T>(this IServiceCollection services) where T : class, ICardAction
    {
        services.TryAddScoped<T>();
        services.AddSingleton(new CardActionRegistration(T.ActionVerbs, T.SettlesChoice, T.RetriesAfterConflict, typeof(T)));
        return services;
    }

    /// <summary>A sub-command of "admin" (see <see cref="IAdminSubcommand"/>).</summary>
    public static IServiceCollection AddAdminSubcommand<T>(this IServiceCollection services) where T : class, IAdminSubcommand
    {
        services.TryAddScoped<T>();
        services.AddScoped<IAdminSubcommand>(provider => provider.GetRequiredService<T>());
        return services;
    }

    public static IServiceCollection AddChatDialog<T>(this IServiceCollection services) where T : class, IChatDialog
    {
        services.TryAddScoped<T>();
        services.AddSingleton(new DialogRegistration(T.DialogName, typeof(T)));
        return services;
    }
}
