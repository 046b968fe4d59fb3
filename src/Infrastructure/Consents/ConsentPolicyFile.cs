using System.Text.Json;
using System.Text.Json.Serialization;
using ChatCrm.Domain.Common;
using ChatCrm.Domain.Consents;

namespace ChatCrm.Infrastructure.Consents;

/// <summary>
/// Reads the country consent policy table from JSON: the copy shipped inside this assembly
/// (<c>Consents/consent-policies.json</c>) or an operator's file. The file is checked as a whole and every
/// problem is reported at once, naming the entry ("entry 8 (Mexico)"), because a policy table that is
/// half-read would make consent decisions nobody reviewed: an unknown country code, channel, regime or
/// setting stops the start-up instead of being skipped.
/// </summary>
public static class ConsentPolicyFile
{
    public const string ShippedResourceName = "ChatCrm.Infrastructure.Consents.consent-policies.json";

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNameCaseInsensitive = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    /// <summary>The table shipped with ChatCrm.</summary>
    public static ConsentPolicyTable LoadShipped()
    {
        using var stream = typeof(ConsentPolicyFile).Assembly.GetManifestResourceStream(ShippedResourceName)
            ?? throw new ConsentPolicyException($"The shipped consent policy table ({ShippedResourceName}) is missing from the assembly.");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd(), "the shipped consent policy table");
    }

    /// <summary>The table in the file at <paramref name="path"/>.</summary>
    public static ConsentPolicyTable Load(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (!File.Exists(path))
            throw new ConsentPolicyException($"The consent policy file '{path}' (Consent:PolicyFile) does not exist.");
        return Parse(File.ReadAllText(path), $"the consent policy file '{path}'");
    }

    /// <summary>Parses and checks a policy table; <paramref name="source"/> says where it came from in error messages.</summary>
    public static ConsentPolicyTable Parse(string json, string source)
    {
        ArgumentNullException.ThrowIfNull(json);
        PolicyFileDocument? document;
        try
        {
            document = JsonSerializer.Deserialize<PolicyFileDocument>(json, Json);
        }
        catch (JsonException e)
        {
            throw new ConsentPolicyException($"{Capitalized(source)} is not valid: {e.Message}", e);
        }
        if (document?.Policies is not { Count: > 0 } entries)
            throw new ConsentPolicyException($"{Capitalized(source)} has no \"policies\".");

        var problems = new List<string>();
        var policies = new List<CountryConsentPolicy>();
        var listedBy = new Dictionary<CountryCode, string>();
        for (var i = 0; i < entries.Count; i++)
        {
            var entry = entries[i];
            var label = entry?.Name is { Length: > 0 } name ? $"entry {i + 1} ({name})" : $"entry {i + 1}";
            if (entry is null)
            {
                problems.Add($"{label} is empty");
                continue;
            }
            policies.AddRange(Read(entry, label, listedBy, problems));
        }
        if (problems.Count > 0)
            throw new ConsentPolicyException($"{Capitalized(source)} has problems:{Environment.NewLine}- {string.Join(Environment.NewLine + "- ", problems)}");
        return new ConsentPolicyTable(policies);
    }

    private static List<CountryConsentPolicy> Read(PolicyEntry entry, string label, Dictionary<CountryCode, string> listedBy, List<string> problems)
    {
        var before = problems.Count;
        var marketing = Regimes(entry.Marketing, "marketing", label, problems);
        var profiling = Regimes(entry.Profiling, "profiling", label, problems);
        if (entry.PartnerIncentivesForbidden is null)
            problems.Add($"{label} does not say partnerIncentivesForbidden (true or false)");
        if (entry.MarketingEmailRequiresPriorPersonalContact is null)
            problems.Add($"{label} does not say marketingEmailRequiresPriorPersonalContact (true or false)");
        if (entry.Countries is not { Count: > 0 })
            problems.Add($"{label} lists no countries");

        var countries = new List<CountryCode>();
        foreach (var code in entry.Countries ?? [])
        {
            if (!CountryCode.TryParse(code, out var country) || !string.Equals(code, country.Value, StringComparison.Ordinal))
                problems.Add($"{label}: '{code}' is not an ISO 3166 two-letter country code in capitals");
            else if (!listedBy.TryAdd(country, label))
                problems.Add($"{label}: {country} is already listed by {listedBy[country]}");
            else
                countries.Add(country);
        }
        if (problems.Count > before)
            return [];
        return countries
            .Select(c => new CountryConsentPolicy(c, marketing, profiling, entry.PartnerIncentivesForbidden!.Value, entry.MarketingEmailRequiresPriorPersonalContact!.Value))
            .ToList();
    }

    private static Dictionary<ContactChannel, ConsentRegime> Regimes(Dictionary<string, string>? given, string purpose, string label, List<string> problems)
    {
        var regimes = new Dictionary<ContactChannel, ConsentRegime>();
        foreach (var (channelName, regimeName) in given ?? [])
        {
            var channel = Enum.GetValues<ContactChannel>().Where(c => c.ToString().Equals(channelName, StringComparison.OrdinalIgnoreCase)).ToList();
            var regime = Enum.GetValues<ConsentRegime>().Where(r => r.ToString().Equals(regimeName, StringComparison.OrdinalIgnoreCase)).ToList();
            if (channel.Count == 0)
                problems.Add($"{label}: unknown channel '{channelName}' in {purpose}; the channels are {string.Join(", ", Enum.GetNames<ContactChannel>())}");
            else if (regime.Count == 0)
                problems.Add($"{label}: {purpose} by {channel[0]} is '{regimeName}'; it must be OptIn or OptOut");
            else
                regimes[channel[0]] = regime[0];
        }
        return regimes;
    }

    private static string Capitalized(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    private sealed class PolicyFileDocument
    {
        public List<string>? Notes { get; set; }

        public List<PolicyEntry?>? Policies { get; set; }
    }

    private sealed class PolicyEntry
    {
        public string? Name { get; set; }

        public List<string>? Countries { get; set; }

        public Dictionary<string, string>? Marketing { get; set; }

        public Dictionary<string, string>? Profiling { get; set; }

        public bool? PartnerIncentivesForbidden { get; set; }

        public bool? MarketingEmailRequiresPriorPersonalContact { get; set; }

        public string? Notes { get; set; }
    }
}
