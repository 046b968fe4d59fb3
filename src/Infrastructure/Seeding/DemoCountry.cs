using ChatCrm.Domain.Common;

namespace ChatCrm.Infrastructure.Seeding;

/// <summary>
/// A country demo customers come from: its language, the currency its orders are invoiced in, the local
/// office hours offset (a fixed one: the data must not depend on the machine's time zone database), where
/// names come from, the sales team that owns its accounts and its phone numbers.
/// </summary>
internal sealed record DemoCountry(
    CountryCode Code,
    LanguageCode Language,
    string Currency,
    int UtcOffsetHours,
    string BogusLocale,
    string SalesTeam,
    int Weight,
    IReadOnlyList<string> CompanySuffixes,
    IReadOnlyList<string> Cities,
    DemoPhoneNumbers Phones)
{
    public bool SpeaksSpanish => Language == LanguageCode.Spanish;

    public static IReadOnlyList<DemoCountry> All { get; } =
    [
        new(CountryCode.Parse("ES"), LanguageCode.Spanish, "EUR", 1, "es", DemoDirectory.SpainTeam, 35,
            ["S.L.", "S.A.", "S.L.U.", "S. Coop."],
            ["Madrid", "Sevilla", "Málaga", "Córdoba", "Valencia", "Bilbao", "Logroño", "A Coruña", "Cádiz", "León", "Zaragoza", "Alcalá de Henares"],
            new DemoPhoneNumbers("34", 8, "6")),
        new(CountryCode.Parse("MX"), LanguageCode.Spanish, "USD", -6, "es_MX", DemoDirectory.LatAmTeam, 20,
            ["S.A. de C.V.", "S. de R.L. de C.V.", "S.A.P.I. de C.V."],
            ["Ciudad de México", "Guadalajara", "Monterrey", "Mérida", "Querétaro", "Puebla", "Cancún", "León"],
            new DemoPhoneNumbers("52", 8, "55", "33", "81")),
        new(CountryCode.Parse("US"), LanguageCode.English, "USD", -5, "en_US", DemoDirectory.NorthAmericaTeam, 15,
            ["Inc.", "LLC", "Corp."],
            ["Boston", "Austin", "Denver", "Chicago", "Seattle", "Miami", "San Antonio", "Atlanta"],
            DemoPhoneNumbers.NorthAmerican("212", "646", "718", "415", "312", "617", "305", "512", "206", "404", "303", "713")),
        new(CountryCode.Parse("GB"), LanguageCode.English, "GBP", 0, "en_GB", DemoDirectory.UnitedKingdomTeam, 10,
            ["Ltd", "plc", "LLP"],
            ["Manchester", "Leeds", "Bristol", "Glasgow", "Cardiff", "Brighton", "Nottingham", "York"],
            new DemoPhoneNumbers("44", 8, "74", "75", "78")),
        new(CountryCode.Parse("AR"), LanguageCode.Spanish, "USD", -3, "es_MX", DemoDirectory.LatAmTeam, 10,
            ["S.A.", "S.R.L.", "S.A.S."],
            ["Buenos Aires", "Córdoba", "Rosario", "Mendoza", "La Plata", "Neuquén"],
            new DemoPhoneNumbers("54", 7, "9 11 1", "9 11 2", "9 11 3", "9 11 4", "9 11 5", "9 11 6", "9 11 7", "9 11 8")),
        new(CountryCode.Parse("CO"), LanguageCode.Spanish, "USD", -5, "es_MX", DemoDirectory.LatAmTeam, 10,
            ["S.A.S.", "S.A.", "Ltda."],
            ["Bogotá", "Medellín", "Cali", "Barranquilla", "Cartagena", "Bucaramanga"],
            new DemoPhoneNumbers("57", 7, "300", "301", "302", "304", "310", "311", "312", "313", "314", "315", "316", "317", "318", "319", "320", "321", "322", "323")),
    ];
}
