using ChatCrm.Domain.Common;
using ChatCrm.Domain.Consents;
using ChatCrm.Infrastructure.Consents;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace ChatCrm.Infrastructure.Tests.Options;

/// <summary>The <c>Consent</c> section through the real options pipeline that <c>AddConsentPolicy</c> sets up.</summary>
public sealed class ConsentOptionsTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("chatcrm-consent-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Table_NoSetting_IsTheShippedOne()
    {
        using var services = Build([]);

        services.GetRequiredService<IStartupValidator>().Validate();
        Assert.True(services.GetRequiredService<ConsentPolicyTable>().For(CountryCode.Parse("MX")).MarketingEmailRequiresPriorPersonalContact);
    }

    [Fact]
    public void Table_PolicyFileRelativeToContentRoot_ReplacesTheShippedOne()
    {
        File.WriteAllText(Path.Combine(_folder, "policies.json"), """
            { "policies": [ { "name": "Mexico, stricter", "countries": ["MX"], "marketing": { "Email": "OptIn" },
              "partnerIncentivesForbidden": true, "marketingEmailRequiresPriorPersonalContact": false } ] }
            """);
        using var services = Build(new() { ["Consent:PolicyFile"] = "policies.json" });

        services.GetRequiredService<IStartupValidator>().Validate();
        var table = services.GetRequiredService<ConsentPolicyTable>();
        Assert.Equal(ConsentRegime.OptIn, table.For(CountryCode.Parse("MX")).RegimeFor(ConsentPurpose.Marketing, ContactChannel.Email));
        Assert.False(table.For(CountryCode.Parse("ES")).IsListed);
    }

    [Fact]
    public void StartupValidation_FaultyPolicyFile_FailsNamingTheEntry()
    {
        File.WriteAllText(Path.Combine(_folder, "policies.json"), """
            { "policies": [ { "name": "Atlantis", "countries": ["AX", "QQ"], "marketing": { "Email": "OptIn" },
              "partnerIncentivesForbidden": false, "marketingEmailRequiresPriorPersonalContact": false } ] }
            """);
        using var services = Build(new() { ["Consent:PolicyFile"] = "policies.json" });

        var error = Assert.Throws<OptionsValidationException>(services.GetRequiredService<IStartupValidator>().Validate);

        Assert.Contains("entry 1 (Atlantis): 'QQ' is not an ISO 3166 two-letter country code", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void StartupValidation_MissingPolicyFile_Fails()
    {
        using var services = Build(new() { ["Consent:PolicyFile"] = "missing.json" });

        var error = Assert.Throws<OptionsValidationException>(services.GetRequiredService<IStartupValidator>().Validate);

        Assert.Contains(Path.Combine(_folder, "missing.json"), error.Message, StringComparison.Ordinal);
    }

    private ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddSingleton<IHostEnvironment>(new TestEnvironment(_folder))
            .AddConsentPolicy()
            .BuildServiceProvider();
    }

    private sealed class TestEnvironment(string contentRoot) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = "Production";

        public string ApplicationName { get; set; } = "ChatCrm.Tests";

        public string ContentRootPath { get; set; } = contentRoot;

        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
