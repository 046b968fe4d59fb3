using System.Text.Json;

namespace ChatCrm.Bot.Tests.Hosting;

/// <summary>
/// The garbage collector the bot runs with is chosen in its project file (see the measurements there) and must reach
/// <c>ChatCrm.Bot.runtimeconfig.json</c>, which is what <c>dotnet ChatCrm.Bot.dll</c> reads: environment variables or
/// a launcher's settings are easy to lose between machines.
/// </summary>
public sealed class RuntimeSettingsTests
{
    [Fact]
    public void RuntimeConfig_BotBuild_UsesConcurrentServerGcWithDynamicAdaptation()
    {
        var properties = ConfigProperties();

        Assert.True(properties.GetProperty("System.GC.Server").GetBoolean());
        Assert.True(properties.GetProperty("System.GC.Concurrent").GetBoolean());
        Assert.Equal(1, properties.GetProperty("System.GC.DynamicAdaptationMode").GetInt32());
    }

    [Fact]
    public void RuntimeConfig_BotBuild_KeepsTieredCompilationOn()
    {
        // Start-up relies on precompiled code plus the tiered JIT; switching tiering off took start-up from about 1.3 s
        // to 2.2 s of CPU time in the measurements behind issue 8.
        var properties = ConfigProperties();

        Assert.False(properties.TryGetProperty("System.Runtime.TieredCompilation", out var tiered) && !tiered.GetBoolean());
    }

    private static JsonElement ConfigProperties()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "ChatCrm.Bot.runtimeconfig.json");
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        return document.RootElement.GetProperty("runtimeOptions").GetProperty("configProperties").Clone();
    }
}
