using ChatCrm.Domain.Consents;
using ChatCrm.Domain.Offers;

namespace ChatCrm.Infrastructure.Seeding;

/// <summary>
/// Twelve offers over five categories. Support renewals are service messages (no opt-in needed), everything
/// else is marketing; the financing plan carries an incentive from a partner company, which countries that
/// forbid partner incentives hold back. Pitches are bilingual because
/// one catalog serves the Spanish- and English-speaking teams.
/// </summary>
internal static class DemoOfferCatalog
{
    public const string Software = "Software";
    public const string Hardware = "Hardware";
    public const string Services = "Services";
    public const string Training = "Training";
    public const string Support = "Support";

    public static IReadOnlyList<DemoOffer> Create() =>
    [
        Offer("SW-CRM-PRO", "CRM Cloud Pro", Software, ConsentPurpose.Marketing, 1200m, 30,
            "Licencias para todo el equipo comercial, 15 % menos con pago anual. / Seats for the whole sales team, 15% off when paid yearly."),
        Offer("SW-ANALYTICS", "Analytics Suite", Software, ConsentPurpose.Marketing, 2400m, 12,
            "Cuadros de mando de ventas listos en una semana. / Sales dashboards live within a week."),
        Offer("SW-MOBILE", "Mobile Sales App", Software, ConsentPurpose.Marketing, 600m, 18,
            "Pedidos y visitas desde el móvil, también sin cobertura. / Orders and visits from the phone, even offline."),
        Offer("HW-POS-T2", "POS Terminal T2", Hardware, ConsentPurpose.Marketing, 900m, 10,
            "Terminal de punto de venta con lector NFC y dos años de garantía. / Point-of-sale terminal with NFC reader and a two-year warranty."),
        Offer("HW-TABLET-R", "Rugged Field Tablet", Hardware, ConsentPurpose.Marketing, 750m, 8,
            "Tableta resistente para el equipo de campo. / A rugged tablet for field teams."),
        Offer("SV-ONBOARD", "Onboarding & Data Migration", Services, ConsentPurpose.Marketing, 3500m, 6,
            "Migramos sus datos y formamos a su equipo en 30 días. / We migrate your data and train your team in 30 days."),
        Offer("SV-ERP-INT", "ERP Integration", Services, ConsentPurpose.Marketing, 8000m, 3,
            "Conexión con su ERP para pedidos y facturas sin teclear dos veces. / ERP link so orders and invoices are typed once."),
        Offer("TR-ADMIN", "Administrator Training", Training, ConsentPurpose.Marketing, 450m, 9,
            "Curso de un día para administradores, presencial u online. / One-day course for administrators, on site or online."),
        Offer("TR-SALES", "Sales Team Workshop", Training, ConsentPurpose.Marketing, 1500m, 5,
            "Taller práctico para sacar partido al CRM en cada visita. / Hands-on workshop to get the most from the CRM on every visit."),
        Offer("SP-PREMIUM", "Premium Support 24/7", Support, ConsentPurpose.Service, 1800m, 8,
            "Soporte 24/7 con respuesta en una hora para lo que ya tiene contratado. / 24/7 support with one-hour response for what you already have."),
        Offer("SP-RENEWAL", "Maintenance Renewal", Support, ConsentPurpose.Service, 950m, 14,
            "Renovación del mantenimiento antes de que caduque. / Renew maintenance before it lapses."),
        Offer("PT-FINANCE", "Partner Financing Plan", Services, ConsentPurpose.Marketing, 500m, 2,
            "Financiación en 12 meses sin intereses con nuestro socio financiero. / 12 months interest-free financing through our partner.",
            partnerCompany: "Banco Meridiano"),
    ];

    private static DemoOffer Offer(string code, string name, string category, ConsentPurpose purpose, decimal listPrice, int salesWeight, string pitch,
        string? partnerCompany = null) =>
        new(new Offer(OfferId.New(), code, name, category, purpose, pitch, partnerCompany), listPrice, salesWeight);
}
