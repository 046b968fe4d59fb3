using Bogus;
using ChatCrm.Domain.Common;
using ChatCrm.Domain.Consents;
using ChatCrm.Domain.Customers;

namespace ChatCrm.Infrastructure.Seeding;

/// <summary>
/// A customer's consent records, about two to four: a service notice from the contract, marketing opt-ins by
/// e-mail, phone or SMS, chat and post (some later withdrawn), sometimes profiling. About one customer in five
/// never opted in to marketing; some of those said no explicitly at sign-up — which matters in opt-out
/// countries, where silence would have allowed marketing. A few asked not to get service calls.
/// </summary>
internal sealed class ConsentHistoryGenerator
{
    private static readonly string[] SpanishGrantSources = ["formulario web", "contrato firmado", "llamada con el comercial", "alta en tienda"];
    private static readonly string[] EnglishGrantSources = ["web form", "signed contract", "call with rep", "in-store sign-up"];

    private readonly Randomizer _random;
    private readonly DateTimeOffset _now;

    public ConsentHistoryGenerator(Randomizer random, DateTimeOffset now)
    {
        _random = random;
        _now = now;
    }

    public void AddConsents(Customer customer, List<ConsentRecord> into)
    {
        var spanish = customer.PreferredLanguage == LanguageCode.Spanish;
        var signedUp = customer.CreatedAt;
        var grantSources = spanish ? SpanishGrantSources : EnglishGrantSources;

        if (_random.Bool(0.6f))
            into.Add(ConsentRecord.Grant(customer.Id, ConsentPurpose.Service, ContactChannel.Email, spanish ? "contrato firmado" : "signed contract", signedUp));

        if (_random.Bool(0.2f))
        {
            if (_random.Bool(0.4f))
                into.Add(ConsentRecord.Withdraw(customer.Id, ConsentPurpose.Marketing, ContactChannel.Email, spanish ? "rechazó en el alta" : "declined at sign-up", signedUp));
            return;
        }

        var source = grantSources[_random.Number(grantSources.Length - 1)];
        AddGrant(customer, ConsentPurpose.Marketing, ContactChannel.Email, source, signedUp, withdrawChance: 0.15f, spanish, into);
        if (_random.Bool(0.55f))
            AddGrant(customer, ConsentPurpose.Marketing, _random.Bool(0.5f) ? ContactChannel.Phone : ContactChannel.Sms, source, signedUp, 0.1f, spanish, into);
        if (_random.Bool(0.2f))
            AddGrant(customer, ConsentPurpose.Marketing, ContactChannel.Chat, source, signedUp, 0.05f, spanish, into);
        if (_random.Bool(0.35f))
            AddGrant(customer, ConsentPurpose.Profiling, ContactChannel.Email, source, signedUp, 0.1f, spanish, into);
        if (_random.Bool(0.1f))
            AddGrant(customer, ConsentPurpose.Marketing, ContactChannel.Post, source, signedUp, 0.2f, spanish, into);
        if (_random.Bool(0.03f))
            into.Add(ConsentRecord.Withdraw(customer.Id, ConsentPurpose.Service, ContactChannel.Phone, spanish ? "prefiere correo electrónico" : "prefers e-mail", signedUp));
    }

    private void AddGrant(Customer customer, ConsentPurpose purpose, ContactChannel channel, string source, DateTimeOffset signedUp,
        float withdrawChance, bool spanish, List<ConsentRecord> into)
    {
        var grantedAt = _random.Between(signedUp, Min(signedUp + TimeSpan.FromDays(3), _now));
        into.Add(ConsentRecord.Grant(customer.Id, purpose, channel, source, grantedAt));
        var earliestWithdrawal = grantedAt + TimeSpan.FromDays(1);
        if (!_random.Bool(withdrawChance) || earliestWithdrawal >= _now)
            return;
        var withdrawSource = channel == ContactChannel.Email
            ? (spanish ? "enlace de baja del correo" : "unsubscribe link")
            : (spanish ? "lo pidió por teléfono" : "asked by phone");
        into.Add(ConsentRecord.Withdraw(customer.Id, purpose, channel, withdrawSource, _random.Between(earliestWithdrawal, _now)));
    }

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;
}
