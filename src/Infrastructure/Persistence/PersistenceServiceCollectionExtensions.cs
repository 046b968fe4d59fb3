using ChatCrm.Infrastructure.Persistence.Providers;
using ChatCrm.Infrastructure.Persistence.Search;
using ChatCrm.Infrastructure.Persistence.Inbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace ChatCrm.Infrastructure.Persistence;

public static class PersistenceServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="CrmDbContext"/> on the engine named by the validated <c>Database:Provider</c> setting.
    /// </summary>
    public static IServiceCollection AddCrmPersistence(this IServiceCollection services)
    {
        services.AddOptions<DatabaseOptions>()
            .BindConfiguration(DatabaseOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        services.AddScoped<CrmDbContext>(provider =>
        {
            var options = provider.GetRequiredService<IOptions<DatabaseOptions>>().Value;
            return options.Provider switch
            {
                DatabaseProvider.Postgres => provider.GetRequiredService<PostgresCrmDbContext>(),
                DatabaseProvider.SqlServer => provider.GetRequiredService<SqlServerCrmDbContext>(),
                _ => provider.GetRequiredService<SqliteCrmDbContext>(),
            };
        });

        // Pooled contexts: a chat turn takes a context from the pool instead of building one (and its services) anew.
        services.AddDbContextPool<SqliteCrmDbContext>((provider, builder) =>
            CrmDbContext.WithCrmDefaults(builder.UseSqlite(ConnectionString(provider, DatabaseProvider.Sqlite))
                .AddInterceptors(new SqliteConnectionPragmas(provider.GetRequiredService<IOptions<DatabaseOptions>>().Value.SqliteSynchronous))));
        services.AddDbContextPool<PostgresCrmDbContext>((provider, builder) =>
            CrmDbContext.WithCrmDefaults(builder.UseNpgsql(PostgresConnectionTuning.Apply(ConnectionString(provider, DatabaseProvider.Postgres)))));
        services.AddDbContextPool<SqlServerCrmDbContext>((provider, builder) =>
            CrmDbContext.WithCrmDefaults(builder.UseSqlServer(ConnectionString(provider, DatabaseProvider.SqlServer))));

        services.AddTransient<DatabaseMigrator>();
        services.AddTransient<SearchIndexBackfill>();
        services.AddScoped<CustomerSearchIndex>();
        services.AddScoped<CustomerLookup>();
        services.AddScoped<InboxStore>();
        services.AddScoped<Outbox.OutboxStore>();
        return services;
    }

    private static string ConnectionString(IServiceProvider provider, DatabaseProvider expected)
    {
        var options = provider.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        if (options.Provider != expected)
            throw new InvalidOperationException($"The {expected} context was asked for while Database:Provider is {options.Provider}.");
        return expected == DatabaseProvider.Sqlite
            ? options.SqliteConnectionString(provider.GetRequiredService<IHostEnvironment>().ContentRootPath)
            : options.ConnectionString!;
    }
}
