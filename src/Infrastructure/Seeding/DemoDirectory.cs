using ChatCrm.Domain.Users;

namespace ChatCrm.Infrastructure.Seeding;

/// <summary>
/// The demo staff: four sales teams (Spain, Latin America, North America, United Kingdom), support agents
/// in Spanish and English, two managers everyone reports to, and one administrator. None is linked to a
/// Teams or Slack account; an administrator links the real people.
/// </summary>
internal static class DemoDirectory
{
    public const string SpainTeam = "Ventas España";
    public const string LatAmTeam = "Ventas LatAm";
    public const string NorthAmericaTeam = "Sales North America";
    public const string UnitedKingdomTeam = "Sales UK";
    public const string SpanishSupportTeam = "Soporte";
    public const string EnglishSupportTeam = "Support";

    private const string Madrid = "Europe/Madrid";
    private const string MexicoCity = "America/Mexico_City";
    private const string NewYork = "America/New_York";
    private const string London = "Europe/London";

    /// <summary>Managers first, so every <see cref="User.ManagerId"/> points at a user created before.</summary>
    public static IReadOnlyList<User> Create()
    {
        var emea = new User(UserId.New(), "Carmen Ordóñez", UserRole.Manager, "Dirección EMEA", Madrid, "es-ES");
        var americas = new User(UserId.New(), "Daniel Castañeda", UserRole.Manager, "Americas Leadership", NewYork, "en-US");
        var admin = new User(UserId.New(), "Lucía Ibáñez", UserRole.Admin, "IT", Madrid, "es-ES");
        var privacy = new User(UserId.New(), "Ana Belén Galíndez", UserRole.PrivacyOfficer, "Protección de Datos", Madrid, "es-ES");

        var staff = new (string Name, UserRole Role, string Team, string TimeZone, string Locale, User Manager)[]
        {
            ("Javier Muñoz", UserRole.SalesRep, SpainTeam, Madrid, "es-ES", emea),
            ("Begoña Núñez", UserRole.SalesRep, SpainTeam, Madrid, "es-ES", emea),
            ("Álvaro Peña", UserRole.SalesRep, SpainTeam, Madrid, "es-ES", emea),
            ("José Hernández", UserRole.SalesRep, LatAmTeam, MexicoCity, "es-MX", americas),
            ("Sofía Ramírez", UserRole.SalesRep, LatAmTeam, MexicoCity, "es-MX", americas),
            ("Ximena Treviño", UserRole.SalesRep, LatAmTeam, MexicoCity, "es-MX", americas),
            ("Emily Carter", UserRole.SalesRep, NorthAmericaTeam, NewYork, "en-US", americas),
            ("Marcus Reed", UserRole.SalesRep, NorthAmericaTeam, NewYork, "en-US", americas),
            ("Oliver Bennett", UserRole.SalesRep, UnitedKingdomTeam, London, "en-GB", emea),
            ("Charlotte Hughes", UserRole.SalesRep, UnitedKingdomTeam, London, "en-GB", emea),
            ("Iñaki Etxeberria", UserRole.SupportAgent, SpanishSupportTeam, Madrid, "es-ES", emea),
            ("María José Quiñones", UserRole.SupportAgent, SpanishSupportTeam, MexicoCity, "es-MX", americas),
            ("Hannah Lewis", UserRole.SupportAgent, EnglishSupportTeam, London, "en-GB", emea),
            ("Tyler Brooks", UserRole.SupportAgent, EnglishSupportTeam, NewYork, "en-US", americas),
        };

        var users = new List<User> { emea, americas, admin, privacy };
        foreach (var member in staff)
        {
            var user = new User(UserId.New(), member.Name, member.Role, member.Team, member.TimeZone, member.Locale);
            user.ReportTo(member.Manager.Id);
            users.Add(user);
        }
        // Work e-mails ("javier.munoz@chatcrm.example"): what Slack's users.info reports, to link a Slack account.
        foreach (var user in users)
            user.UseEmail(string.Join('.', Domain.Common.SearchText.Fold(user.DisplayName).Split(' ', StringSplitOptions.RemoveEmptyEntries)) + "@chatcrm.example");
        return users;
    }
}
