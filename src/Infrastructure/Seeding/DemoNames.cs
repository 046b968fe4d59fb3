using Bogus;
using ChatCrm.Domain.Common;

namespace ChatCrm.Infrastructure.Seeding;

/// <summary>
/// Names of people and companies: curated Spanish and English lists (so accented names and "ñ" turn up
/// regularly: Núñez, Muñoz, Begoña, Iñaki…) mixed with Bogus's es, es_MX, en_US and en_GB locales.
/// Every draw goes through the one seeded <see cref="Randomizer"/>.
/// </summary>
internal sealed class DemoNames
{
    private static readonly string[] BogusLocales = ["es", "es_MX", "en_US", "en_GB"];
    private static readonly string[] SignatureFirstNames = ["María", "José", "Begoña", "Iñaki", "Sofía"];
    private static readonly string[] SignatureSurnames = ["Núñez", "Muñoz", "Ibáñez", "Peña", "Castañeda", "Ordóñez"];

    private static readonly string[] SpanishFirstNames =
    [
        "Lucía", "Martín", "Ramón", "Inés", "Álvaro", "Nuria", "Jesús", "Ángela", "Andrés", "Raúl", "Íñigo", "Maite",
        "Rocío", "Verónica", "Óscar", "Adrián", "Julián", "Mónica", "Beatriz", "Joaquín", "Fátima", "Germán", "Nerea",
        "Ainhoa", "Jorge", "Carmen", "Pilar", "Tomás", "Sebastián", "Valentina", "Camila", "Matías", "Agustín", "Ximena",
        "Rubén", "Concepción", "Ignacio", "Elena", "Marisol", "Guadalupe",
    ];

    private static readonly string[] CompoundFirstNames = ["María José", "José Luis", "Juan Carlos", "María Ángeles", "José Manuel", "Ana Belén"];

    private static readonly string[] SpanishSurnames =
    [
        "Gómez", "Fernández", "García", "Martínez", "López", "Sánchez", "Pérez", "Rodríguez", "Jiménez", "Hernández",
        "Díaz", "Álvarez", "Romero", "Gutiérrez", "Suárez", "Vázquez", "Beltrán", "Cañizares", "Montaña", "Aldecoa",
        "Etxeberria", "Urquijo", "Quiñones", "Patiño", "Treviño", "Zúñiga", "Carreño", "Espinoza", "Benítez", "Márquez",
        "Méndez", "Ramírez", "Cortés", "Mañas", "Yáñez", "Galán", "Calderón", "Ruiz", "Nieto", "Sáez",
    ];

    private static readonly string[] EnglishFirstNames =
    [
        "Oliver", "Amelia", "George", "Isla", "Harry", "Emily", "Jack", "Charlotte", "James", "Olivia", "Michael", "Sarah",
        "David", "Jennifer", "Christopher", "Jessica", "Daniel", "Ashley", "Matthew", "Hannah", "Liam", "Chloe", "Noah", "Grace",
    ];

    private static readonly string[] EnglishSurnames =
    [
        "Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Johnson", "Davies", "Robinson", "Wright", "Thompson",
        "Evans", "Walker", "White", "Roberts", "Green", "Hall", "Wood", "Jackson", "Clarke", "Miller", "Davis", "Anderson",
        "Moore", "Martin", "Lee", "Harris", "Lewis", "O'Brien", "Murphy", "Patel", "Khan",
    ];

    private static readonly string[] SpanishCompanyPatterns =
    [
        "{S} y Asociados", "Distribuciones {S}", "Grupo {S}", "{S} Hermanos", "Construcciones {S}", "Talleres {S}",
        "Consultoría {W}", "{W} Logística", "Farmacia {S}", "Clínica Dental {S}", "Bodegas {S}", "Transportes {S} e Hijos",
        "Soluciones {W}", "Inmobiliaria {C}", "Ferretería {S}", "Gestoría {S}", "Hostelería {W}", "Papelería {C}",
    ];

    private static readonly string[] EnglishCompanyPatterns =
    [
        "{S} & Sons", "{S} Logistics", "{C} Dental Care", "{W} Solutions", "{S} Engineering", "{W} Partners",
        "{C} Print Works", "{S} Consulting", "{W} Foods", "{S} Builders", "{C} Office Supply", "{W} Health",
    ];

    private static readonly string[] SpanishWords = ["Innovación", "Horizonte", "Atlántico", "Ibérica", "Andina", "Pampa", "Sierra", "Cumbre", "Aurora", "Del Sur", "Mediterránea"];
    private static readonly string[] EnglishWords = ["Northwind", "Bluebell", "Summit", "Harbour", "Evergreen", "Pinnacle", "Riverside", "Keystone", "Brightwater"];

    private readonly Randomizer _random;
    private readonly Dictionary<string, Faker> _fakers;

    public DemoNames(Randomizer random)
    {
        _random = random;
        _fakers = BogusLocales.ToDictionary(locale => locale, locale => new Faker(locale) { Random = random }, StringComparer.Ordinal);
    }

    /// <summary>A person: first name(s) and surname(s), Spanish style (often two surnames) or English style.</summary>
    public (string First, string Surnames) Person(DemoCountry country, bool hispanic)
    {
        if (!hispanic)
        {
            var english = _fakers[country.BogusLocale.StartsWith("en", StringComparison.Ordinal) ? country.BogusLocale : "en_US"];
            var first = _random.Bool(0.5f) ? _random.ArrayElement(EnglishFirstNames) : english.Name.FirstName();
            var last = _random.Bool(0.5f) ? _random.ArrayElement(EnglishSurnames) : english.Name.LastName();
            return (first, last);
        }

        var spanish = _fakers[country.BogusLocale.StartsWith("es", StringComparison.Ordinal) ? country.BogusLocale : "es_MX"];
        var firstName = _random.Double() switch
        {
            < 0.18 => _random.ArrayElement(SignatureFirstNames),
            < 0.26 => _random.ArrayElement(CompoundFirstNames),
            < 0.60 => _random.ArrayElement(SpanishFirstNames),
            _ => spanish.Name.FirstName(),
        };
        var surnames = SpanishSurname(spanish);
        var secondSurnameChance = country.Code.Value == "ES" ? 0.85f : 0.45f;
        if (_random.Bool(secondSurnameChance))
            surnames += " " + SpanishSurname(spanish);
        return (firstName, surnames);
    }

    /// <summary>A company name without its legal suffix, e.g. "Distribuciones Peña" or "Summit Solutions".</summary>
    public string CompanyCore(DemoCountry country)
    {
        if (_random.Bool(0.2f))
            return _fakers[country.BogusLocale].Company.CompanyName();

        var spanish = country.SpeaksSpanish;
        var pattern = _random.ArrayElement(spanish ? SpanishCompanyPatterns : EnglishCompanyPatterns);
        return pattern
            .Replace("{S}", spanish ? SpanishSurname(_fakers[country.BogusLocale]) : _random.ArrayElement(EnglishSurnames), StringComparison.Ordinal)
            .Replace("{W}", _random.ArrayElement(spanish ? SpanishWords : EnglishWords), StringComparison.Ordinal)
            .Replace("{C}", country.Cities[_random.Number(country.Cities.Count - 1)], StringComparison.Ordinal);
    }

    /// <summary>Lower-case ASCII words joined by <paramref name="separator"/>, for e-mail addresses and domains.</summary>
    public static string Slug(string text, char separator, int maxLength)
    {
        var slug = SearchText.Fold(text).Replace(' ', separator);
        return slug.Length <= maxLength ? slug : slug[..maxLength].TrimEnd(separator);
    }

    private string SpanishSurname(Faker spanish) => _random.Double() switch
    {
        < 0.22 => _random.ArrayElement(SignatureSurnames),
        < 0.60 => _random.ArrayElement(SpanishSurnames),
        _ => spanish.Name.LastName(),
    };
}
