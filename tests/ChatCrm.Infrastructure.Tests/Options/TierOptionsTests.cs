using ChatCrm.Infrastructure.Tiers;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ChatCrm.Infrastructure.Tests.Options;

/// <summary>The <c>Tiers</c> section through the real options pipeline that <c>AddValueTiers</c> sets up.</summary>
public sealed class TierOptionsTests
{
    [Fact]
    public void Value_ThresholdsAndRatesFromConfiguration_AreBound()
    {
        using var services = Build(new()
        {
            ["Tiers:Thresholds:Platinum"] = "0.6",
            ["Tiers:ReportingCurrency"] = "GBP",
            ["Tiers:ExchangeRates:EUR"] = "0.85",
        });

        var options = services.GetRequiredService<IOptions<TierOptions>>().Value;

        Assert.Equal((0.6m, 0.8m, 0.95m), (options.ToThresholds().Platinum, options.ToThresholds().Gold, options.ToThresholds().Silver));
        Assert.True(options.ToExchangeRates().TryConvert(100m, "EUR", out var pounds));
        Assert.Equal(85m, pounds);
    }

    [Theory]
    [InlineData("Tiers:Thresholds:Gold", "0.4", "Tier thresholds must rise strictly")]
    [InlineData("Tiers:Thresholds:Silver", "1", "strictly between 0 and 1")]
    [InlineData("Tiers:ReportingCurrency", "EURO", "not an ISO 4217 code")]
    [InlineData("Tiers:ExchangeRates:GBP", "0", "must be greater than zero")]
    public void Value_BadSetting_ThrowsWithAReason(string key, string value, string reason)
    {
        using var services = Build(new() { [key] = value });

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<TierOptions>>().Value);

        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddValueTiers()
            .BuildServiceProvider();
    }
}
