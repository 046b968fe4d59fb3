using System.Reflection;
using ChatCrm.Bot.Conversations;
using ChatCrm.Bot.Hosting;
using Microsoft.Extensions.DependencyInjection;
using NetArchTest.Rules;

namespace ChatCrm.Bot.Tests.Architecture;

/// <summary>
/// The rooms of src/Bot (docs/architecture.md) as rules the build checks: channel types stay in their adapter, the
/// conversation core and the shared cards know no feature, and a feature uses another feature's cards and records at
/// most, never its handlers, readers or options (anything the feature registers as a service).
/// </summary>
public sealed class LayoutRulesTests
{
    private const string Bot = "ChatCrm.Bot";
    private const string Features = Bot + ".Features";

    /// <summary>The composition roots: they wire every room together, so they may name anything.</summary>
    private static readonly string[] CompositionRoots = [Bot + ".Hosting", Bot + ".Cli"];

    private static readonly Assembly BotAssembly = typeof(ConversationEngine).Assembly;

    public static TheoryData<string> Channels => new() { Bot + ".Channels.Teams", Bot + ".Channels.Slack" };

    [Theory]
    [MemberData(nameof(Channels))]
    public void ChannelTypes_OutsideTheirAdapterAndTheCompositionRoots_AreNotReferenced(string channel)
    {
        var result = Types.InAssembly(BotAssembly)
            .That().DoNotResideInNamespace(channel)
            .And().DoNotResideInNamespaceMatching(RootsPattern())
            .ShouldNot().HaveDependencyOn(channel)
            .GetResult();

        Assert.True(result.IsSuccessful, Offenders($"reference {channel}", result));
    }

    [Theory]
    [InlineData(Bot + ".Conversations")]
    [InlineData(Bot + ".Cards")]
    [InlineData(Bot + ".Inbox")]
    [InlineData(Bot + ".Outbox")]
    public void SharedKernel_ReferencesNoFeature(string kernel)
    {
        var result = Types.InAssembly(BotAssembly).That().ResideInNamespace(kernel).ShouldNot().HaveDependencyOn(Features).GetResult();

        Assert.True(result.IsSuccessful, Offenders($"in {kernel} reference a feature", result));
    }

    [Fact]
    public void Features_UseNoOtherFeaturesServices()
    {
        var services = FeatureServices();
        Assert.NotEmpty(services);

        var offenders = new List<string>();
        foreach (var feature in services.Select(t => t.Namespace!).Distinct())
        {
            var othersServices = services.Where(t => t.Namespace != feature).Select(t => t.FullName!).ToArray();
            // The namespace exactly: ResideInNamespace matches by prefix, so "Features.Privacy" would take in "Features.PrivacyCentre".
            var result = Types.InAssembly(BotAssembly).That().ResideInNamespaceMatching($"^{System.Text.RegularExpressions.Regex.Escape(feature)}$")
                .ShouldNot().HaveDependencyOnAny(othersServices).GetResult();
            offenders.AddRange(result.FailingTypeNames ?? []);
        }

        Assert.True(offenders.Count == 0, $"These feature types use another feature's services: {string.Join(", ", offenders)}");
    }

    /// <summary>
    /// A channel adapter is protocol only: it reaches a feature through the kernel's interfaces (<c>IHomePage</c>,
    /// <c>IChatForm</c>, <c>IComposeBoxSearch</c>…) and may show its cards, never call its handlers, readers or options.
    /// </summary>
    [Theory]
    [MemberData(nameof(Channels))]
    public void ChannelAdapters_UseNoFeaturesServices(string channel)
    {
        var services = FeatureServices().Select(t => t.FullName!).ToArray();

        var result = Types.InAssembly(BotAssembly).That().ResideInNamespace(channel).ShouldNot().HaveDependencyOnAny(services).GetResult();

        Assert.True(result.IsSuccessful, Offenders($"in {channel} use a feature's services", result));
    }

    [Fact]
    public void Domain_ReferencesNothingOuter()
    {
        var result = Types.InAssembly(typeof(Domain.Customers.Customer).Assembly)
            .ShouldNot().HaveDependencyOnAny("ChatCrm.Infrastructure", Bot, "Microsoft.EntityFrameworkCore", "Microsoft.AspNetCore", "Microsoft.Extensions")
            .GetResult();

        Assert.True(result.IsSuccessful, Offenders("in Domain reference an outer layer or a framework", result));
    }

    [Fact]
    public void Constructors_InTheBot_TakeAtMostEightDependencies()
    {
        var crowded = BotAssembly.GetTypes()
            .Where(t => t.Namespace?.StartsWith(Bot, StringComparison.Ordinal) == true && !t.IsDefined(typeof(System.Runtime.CompilerServices.CompilerGeneratedAttribute)))
            .SelectMany(t => t.GetConstructors().Select(c => (Type: t, Count: c.GetParameters().Length)))
            .Where(c => c.Count > 8 && !IsRecordOrOptions(c.Type))
            .Select(c => $"{c.Type.FullName} ({c.Count})")
            .ToList();

        Assert.True(crowded.Count == 0, $"Constructors with more than 8 dependencies: {string.Join(", ", crowded)}");
    }

    /// <summary>What the features register as services (the same definition for every rule): anything <c>AddFeatures()</c> registers.</summary>
    private static List<Type> FeatureServices() => new ServiceCollection().AddFeatures()
        .Select(d => d.ImplementationType)
        .OfType<Type>()
        .Where(t => t.Namespace?.StartsWith(Features + ".", StringComparison.Ordinal) == true)
        .Distinct()
        .ToList();

    /// <summary>Records and plain data carry values, not dependencies; the rule is about services.</summary>
    private static bool IsRecordOrOptions(Type type) =>
        type.GetMethod("<Clone>$") is not null || type.IsValueType;

    private static string RootsPattern() => "^(" + string.Join("|", CompositionRoots.Select(r => r.Replace(".", "\\.", StringComparison.Ordinal))) + ")(\\.|$)";

    private static string Offenders(string what, TestResult result) =>
        $"These types {what}: {string.Join(", ", result.FailingTypeNames ?? [])}";
}
