using ChatCrm.Bot.Cards;
using System.Globalization;
using ChatCrm.Domain.Common;
using ChatCrm.Domain.Consents;

namespace ChatCrm.Bot.Features.Privacy;

/// <summary>How a customer expressed a consent change to us: what a rep records as the statement's source.</summary>
public enum ConsentExpression
{
    Call = 1,
    Email = 2,
    InPerson = 3,
    Web = 4,
    Letter = 5,
}

/// <summary>
/// The words a consent change is typed and shown with, in English and Spanish (matched without accents, case or
/// dashes): granted or withdrawn, the purpose, the channel, how the customer said it, and the day.
/// </summary>
public static class ConsentChangeWords
{
    private static readonly Dictionary<string, bool> Actions = Words<bool>(
        (true, ["grant", "granted", "give", "optin", "allow", "conceder", "concede", "otorgar", "dar", "autorizar", "autoriza"]),
        (false, ["withdraw", "withdrawn", "withdrew", "revoke", "optout", "retirar", "retira", "retirada", "revocar", "revoca"]));

    private static readonly Dictionary<string, ConsentPurpose> Purposes = Words<ConsentPurpose>(
        (ConsentPurpose.Marketing, ["marketing", "comercial", "comerciales", "publicidad"]),
        (ConsentPurpose.Profiling, ["profiling", "profile", "perfiles", "perfilado", "perfil"]),
        (ConsentPurpose.Service, ["service", "servicio"]));

    private static readonly Dictionary<string, ContactChannel> Channels = Words<ContactChannel>(
        (ContactChannel.Email, ["email", "mail", "correo", "correoelectronico"]),
        (ContactChannel.Phone, ["phone", "telephone", "telefono"]),
        (ContactChannel.Sms, ["sms", "text"]),
        (ContactChannel.Chat, ["chat"]),
        (ContactChannel.Post, ["post", "postal", "correopostal"]));

    private static readonly Dictionary<string, ConsentExpression> Expressions = Words<ConsentExpression>(
        (ConsentExpression.Call, ["call", "llamada"]),
        (ConsentExpression.Email, ["email", "mail", "correo"]),
        (ConsentExpression.InPerson, ["inperson", "person", "presencial", "enpersona", "persona"]),
        (ConsentExpression.Web, ["web", "website", "online"]),
        (ConsentExpression.Letter, ["letter", "carta"]));

    public static bool? Action(string word) => Actions.TryGetValue(Key(word), out var granted) ? granted : null;

    public static ConsentPurpose? Purpose(string word) => Purposes.TryGetValue(Key(word), out var purpose) ? purpose : null;

    public static ContactChannel? Channel(string word) => Channels.TryGetValue(Key(word), out var channel) ? channel : null;

    public static ConsentExpression? Expression(string word) => Expressions.TryGetValue(Key(word), out var how) ? how : null;

    /// <summary>A day as typed: today / hoy, yesterday / ayer, 2026-12-01 or 01/12/2026; null when unreadable.</summary>
    public static DateOnly? Day(string text, DateOnly today)
    {
        var key = Key(text);
        if (key is "today" or "hoy")
            return today;
        if (key is "yesterday" or "ayer")
            return today.AddDays(-1);
        string[] formats = ["yyyy-MM-dd", "d/M/yyyy", "dd/MM/yyyy"];
        return DateOnly.TryParseExact(text.Trim(), formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;
    }

    /// <summary>How the customer said it, as the statement's source is stored (in the words of the rep who recorded it).</summary>
    public static LocalizedText Name(ConsentExpression how) => how switch
    {
        ConsentExpression.Call => new("call", "llamada"),
        ConsentExpression.Email => new("e-mail", "correo electrónico"),
        ConsentExpression.InPerson => new("in person", "en persona"),
        ConsentExpression.Web => new("web", "web"),
        _ => new("letter", "carta"),
    };

    public static LocalizedText Action(bool granted) => granted ? new("granted", "concedido") : new("withdrawn", "retirado");

    /// <summary>The words a person can type, for a message about one they got wrong.</summary>
    public static string Known(LanguageCode language, string what) => what switch
    {
        "action" => language.Pick("grant or withdraw", "conceder o retirar"),
        "purpose" => language.Pick("marketing, profiling or service", "comercial, perfiles o servicio"),
        "channel" => language.Pick("email, phone, sms, chat or post", "correo, teléfono, sms, chat o postal"),
        _ => language.Pick("call, email, in-person, web or letter", "llamada, correo, presencial, web o carta"),
    };

    private static string Key(string word) => SearchText.Fold(word).Replace(" ", string.Empty, StringComparison.Ordinal);

    private static Dictionary<string, T> Words<T>(params (T Value, string[] Words)[] entries)
    {
        var all = new Dictionary<string, T>(StringComparer.Ordinal);
        foreach (var (value, words) in entries)
        {
            foreach (var word in words)
                all.Add(Key(word), value);
        }
        return all;
    }
}
