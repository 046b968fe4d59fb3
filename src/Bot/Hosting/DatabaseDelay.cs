using System.ComponentModel.DataAnnotations;
using System.Data.Common;
using ChatCrm.Infrastructure.Persistence.Providers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Options;

namespace ChatCrm.Bot.Hosting;

/// <summary>
/// The <c>Diagnostics</c> section: switches for showing how the bot behaves when something around it is slow.
/// Development only: any of them set in another environment stops start-up, so a load-test setting can never reach production.
/// </summary>
public sealed class DiagnosticsOptions
{
    public const string SectionName = "Diagnostics";

    /// <summary>
    /// Delays every database command by this many milliseconds once the host has started (migrations at start-up are not
    /// slowed). Shows that Slack still gets its acknowledgement within 3 seconds when the database is slow (docs/scaling.md).
    /// </summary>
    [Range(0, 60_000)]
    public int DatabaseDelayMs { get; set; }
}

/// <summary>Refuses <see cref="DiagnosticsOptions"/> switches outside Development.</summary>
internal sealed class DiagnosticsOptionsValidation(IHostEnvironment environment) : IValidateOptions<DiagnosticsOptions>
{
    public ValidateOptionsResult Validate(string? name, DiagnosticsOptions options) =>
        options.DatabaseDelayMs > 0 && !environment.IsDevelopment()
            ? ValidateOptionsResult.Fail($"Diagnostics:DatabaseDelayMs slows every database command and is refused outside Development (this is {environment.EnvironmentName}).")
            : ValidateOptionsResult.Success;
}

/// <summary>Sleeps before each database command while <see cref="DiagnosticsOptions.DatabaseDelayMs"/> is set and the host has started.</summary>
public sealed class DatabaseDelayInterceptor(IOptions<DiagnosticsOptions> options, IHostApplicationLifetime lifetime) : DbCommandInterceptor
{
    private TimeSpan Delay => lifetime.ApplicationStarted.IsCancellationRequested ? TimeSpan.FromMilliseconds(options.Value.DatabaseDelayMs) : TimeSpan.Zero;

    public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        await Task.Delay(Delay, cancellationToken);
        return result;
    }

    public override async ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        await Task.Delay(Delay, cancellationToken);
        return result;
    }

    public override async ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        await Task.Delay(Delay, cancellationToken);
        return result;
    }

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Thread.Sleep(Delay);
        return result;
    }

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        Thread.Sleep(Delay);
        return result;
    }

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        Thread.Sleep(Delay);
        return result;
    }
}

public static class DatabaseDelayServices
{
    /// <summary>The <c>Diagnostics:DatabaseDelayMs</c> switch; the interceptor joins the database contexts only when it is set.</summary>
    public static IServiceCollection AddDatabaseDelayForDiagnostics(this IServiceCollection services)
    {
        services.AddOptions<DiagnosticsOptions>().BindConfiguration(DiagnosticsOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<DiagnosticsOptions>, DiagnosticsOptionsValidation>();
        services.AddSingleton<DatabaseDelayInterceptor>();
        services.ConfigureDbContext<SqliteCrmDbContext>(AddWhenSet);
        services.ConfigureDbContext<PostgresCrmDbContext>(AddWhenSet);
        services.ConfigureDbContext<SqlServerCrmDbContext>(AddWhenSet);
        return services;
    }

    private static void AddWhenSet(IServiceProvider provider, DbContextOptionsBuilder builder)
    {
        if (provider.GetRequiredService<IOptions<DiagnosticsOptions>>().Value.DatabaseDelayMs > 0)
            builder.AddInterceptors(provider.GetRequiredService<DatabaseDelayInterceptor>());
    }
}
