using ChatCrm.Infrastructure.Persistence;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ChatCrm.Infrastructure.Tests.Options;

/// <summary>The <c>Database</c> section through the real options pipeline that <c>AddCrmPersistence</c> sets up.</summary>
public sealed class DatabaseOptionsTests
{
    [Fact]
    public void Value_NoSettings_IsValidSqliteDefault()
    {
        using var services = Build([]);

        var options = services.GetRequiredService<IOptions<DatabaseOptions>>().Value;

        Assert.Equal(DatabaseProvider.Sqlite, options.Provider);
        Assert.Null(options.ConnectionString);
        Assert.Equal("data", options.DataDirectory);
        Assert.True(options.MigrateOnStartup);
    }

    [Theory]
    [InlineData("Postgres")]
    [InlineData("SqlServer")]
    public void Value_ServerProviderWithoutConnectionString_ThrowsNamingTheSetting(string provider)
    {
        using var services = Build(new() { ["Database:Provider"] = provider });

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<DatabaseOptions>>().Value);

        Assert.Contains($"Database:ConnectionString is required when Database:Provider is {provider}.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Value_PostgresWithConnectionString_IsValid()
    {
        using var services = Build(new()
        {
            ["Database:Provider"] = "Postgres",
            ["Database:ConnectionString"] = "Host=db.internal;Database=chatcrm",
        });

        Assert.Equal(DatabaseProvider.Postgres, services.GetRequiredService<IOptions<DatabaseOptions>>().Value.Provider);
    }

    [Fact]
    public void Value_UndefinedProviderNumber_ThrowsListingTheProviders()
    {
        using var services = Build(new() { ["Database:Provider"] = "7", ["Database:ConnectionString"] = "x" });

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<DatabaseOptions>>().Value);

        Assert.Contains("Database:Provider must be Sqlite, Postgres or SqlServer.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Value_UnknownProviderName_IsRejected()
    {
        using var services = Build(new() { ["Database:Provider"] = "Oracle", ["Database:ConnectionString"] = "x" });

        var error = Assert.Throws<InvalidOperationException>(() => services.GetRequiredService<IOptions<DatabaseOptions>>().Value);

        Assert.Contains("Oracle", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Value_EmptyDataDirectory_FailsDataAnnotations()
    {
        using var services = Build(new() { ["Database:DataDirectory"] = "" });

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<DatabaseOptions>>().Value);

        Assert.Contains(error.Failures, f => f.Contains(nameof(DatabaseOptions.DataDirectory), StringComparison.Ordinal));
    }

    [Fact]
    public void StartupValidation_InvalidOptions_FailsAtStart()
    {
        using var services = Build(new() { ["Database:Provider"] = "Postgres" });

        var validator = services.GetRequiredService<IStartupValidator>();

        Assert.Throws<OptionsValidationException>(validator.Validate);
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddCrmPersistence()
            .BuildServiceProvider();
    }
}
