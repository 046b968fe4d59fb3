using System.Globalization;
using System.Text.RegularExpressions;
using ChatCrm.Bot.Cards;
using ChatCrm.Domain.Common;
using ChatCrm.Domain.Customers;
using ChatCrm.Infrastructure.Intake;

namespace ChatCrm.Bot.Features.CustomerUpkeep;

/// <summary>
/// The intake's field errors (the checks the import and the API run, worded in English for their reports) said in the
/// reader's language under the chat form's fields. A handle that another customer holds names that customer only when
/// the reader may see who they are.
/// </summary>
public static partial class CustomerFieldWording
{
    public static string Kind(IdentityKind kind, LanguageCode language) => kind switch
    {
        IdentityKind.Email => language.Pick("E-mail", "Correo"),
        IdentityKind.Phone => language.Pick("Phone", "Teléfono"),
        IdentityKind.LoyaltyNumber => language.Pick("Loyalty number", "Número de fidelización"),
        IdentityKind.ExternalId => language.Pick("External id", "Id externo"),
        IdentityKind.TeamsUser => "Teams",
        _ => "Slack",
    };

    /// <summary>One error as a sentence; <paramref name="typed"/> is what the field held, <paramref name="holder"/> the visible holder of a taken handle.</summary>
    public static string Say(FieldError error, string? typed, string? holder, LanguageCode language)
    {
        ArgumentNullException.ThrowIfNull(error);
        var label = Label(error.Field, language);
        var quoted = Quote(FieldChecks.Cut(typed?.Trim() ?? string.Empty), language);
        if (error.HeldBy is not null)
        {
            return holder is null
                ? language.Pick($"{quoted} already belongs to another customer you cannot see; ask their owner or your manager.",
                    $"{quoted} ya es de otro cliente que no puedes ver; pregunta a su propietario o a tu responsable.")
                : language.Pick($"{quoted} already belongs to {holder}: if they are the same person, use that record (or merge them with \"duplicates\").",
                    $"{quoted} ya es de {holder}: si son la misma persona, usa esa ficha (o fusiónalas con «duplicados»).");
        }
        if (error.Message == "is required")
            return language.Pick($"{label} is required.", $"{label} es obligatorio.");
        if (Limit().Match(error.Message) is { Success: true } limit)
            return language.Pick($"{label} is too long: at most {limit.Groups[1].Value} characters.",
                $"{label} es demasiado largo: como mucho {limit.Groups[1].Value} caracteres.");
        return (error.Field, language == LanguageCode.Spanish) switch
        {
            (EditCustomerCards.Remove, _) => language.Pick("That handle is no longer on the record (someone took it off meanwhile).",
                "Ese identificador ya no está en la ficha (alguien lo quitó mientras tanto)."),
            (NewCustomerCards.Email or "newEmail", true) => $"{quoted} no es una dirección de correo.",
            ("phone" or "newPhone", true) => $"{quoted} no es un teléfono que entienda; incluye el prefijo del país, p. ej. +34 600 123 456.",
            (NewCustomerCards.Country, true) => $"{quoted} no es un código de país ISO de dos letras (p. ej. ES, MX, US).",
            (NewCustomerCards.Language, true) => $"{quoted} no es un código de idioma (p. ej. es, en).",
            (NewCustomerCards.Country, false) => $"{quoted} is not a country code: use the two ISO letters, e.g. ES, MX, US.",
            (_, true) => $"{label}: {quoted} no es válido.",
            _ => Sentence(error.Message),
        };
    }

    public static string Label(string field, LanguageCode language) => field switch
    {
        NewCustomerCards.Name => language.Pick("The name", "El nombre"),
        NewCustomerCards.Company => language.Pick("The company", "La empresa"),
        NewCustomerCards.Email or "newEmail" => language.Pick("The e-mail", "El correo"),
        NewCustomerCards.Phone or "newPhone" => language.Pick("The phone", "El teléfono"),
        NewCustomerCards.Country => language.Pick("The country", "El país"),
        NewCustomerCards.Language => language.Pick("The language", "El idioma"),
        NewCustomerCards.Owner => language.Pick("The owner", "El propietario"),
        EditCustomerCards.Remove => language.Pick("The handle to take off", "El identificador a quitar"),
        "loyaltyNumber" or "newLoyaltyNumber" => language.Pick("The loyalty number", "El número de fidelización"),
        _ => language.Pick("The external id", "El id externo"),
    };

    private static string Quote(string text, LanguageCode language) => language == LanguageCode.Spanish ? $"«{text}»" : $"'{text}'";

    private static string Sentence(string message)
    {
        var text = message.Trim();
        return text.Length == 0 ? text : char.ToUpper(text[0], CultureInfo.InvariantCulture) + text[1..] + (text.EndsWith('.') ? string.Empty : ".");
    }

    [GeneratedRegex(@"the limit is (\d+)", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 200)]
    private static partial Regex Limit();
}
