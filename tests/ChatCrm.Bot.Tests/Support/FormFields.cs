using System.Text.Json.Nodes;

namespace ChatCrm.Bot.Tests.Support;

/// <summary>One input of a form as a person meets it: what it is called, what it suggests, whether it must be filled, what it offers.</summary>
public sealed record FormField(string Id, string Label, string? Placeholder, bool Required, string Choices, string? Value);

/// <summary>
/// The inputs of a form as Teams shows it (an Adaptive Card) and as Slack shows it (a modal), read into the same
/// shape, so a test can prove both are one definition: same fields, words, choices and defaults.
/// </summary>
public static class FormFields
{
    public static IReadOnlyList<FormField> OfAdaptiveCard(JsonObject card)
    {
        ArgumentNullException.ThrowIfNull(card);
        return card["body"]!.AsArray().OfType<JsonObject>()
            .Where(b => ((string?)b["type"])?.StartsWith("Input.", StringComparison.Ordinal) == true)
            .Select(b => new FormField((string)b["id"]!, (string)b["label"]!, (string?)b["placeholder"], (bool?)b["isRequired"] ?? false,
                Choices(b["choices"]?.AsArray(), "title"), (string?)b["value"]))
            .ToList();
    }

    public static IReadOnlyList<FormField> OfModal(JsonObject view)
    {
        ArgumentNullException.ThrowIfNull(view);
        return view["blocks"]!.AsArray().OfType<JsonObject>()
            .Where(b => (string?)b["type"] == "input")
            .Select(b =>
            {
                var element = b["element"]!;
                var value = (string?)element["initial_value"] ?? (string?)element["initial_date"] ?? (string?)element["initial_option"]?["value"];
                return new FormField((string)b["block_id"]!, (string)b["label"]!["text"]!, (string?)element["placeholder"]?["text"],
                    !((bool?)b["optional"] ?? false), Choices(element["options"]?.AsArray(), null), value);
            })
            .ToList();
    }

    /// <summary>"value=title; …": Adaptive Cards name an option's text <c>title</c>, Block Kit <c>text.text</c>.</summary>
    private static string Choices(JsonArray? choices, string? titleName) => choices is null
        ? string.Empty
        : string.Join("; ", choices.OfType<JsonObject>().Select(c => $"{(string?)c["value"]}={(titleName is null ? (string?)c["text"]?["text"] : (string?)c[titleName])}"));
}
