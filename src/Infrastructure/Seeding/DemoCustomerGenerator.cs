using System.Globalization;
using Bogus;
using ChatCrm.Domain.Common;
using ChatCrm.Domain.Customers;

namespace ChatCrm.Infrastructure.Seeding;

/// <summary>
/// Generates customers chunk by chunk, each with identities, interactions, orders and consents. Customers come
/// in companies of one to six contacts (a few are private individuals), from six countries in their language.
/// <para>
/// Every customer gets a number, continuing after the customers already in the database; e-mail addresses,
/// phone numbers and loyalty numbers are derived from it, so they stay unique across runs. Everything else
/// comes from the one seeded randomizer, drawn in a fixed order: the same seed, "now" and starting database
/// (customer count, company names taken) give the same data, whatever the chunk size.
/// </para>
/// </summary>
internal sealed class DemoCustomerGenerator
{
    private static readonly WeightedChoice<int> ContactsPerCompany = new([(1, 20), (2, 25), (3, 20), (4, 15), (5, 12), (6, 8)]);
    private static readonly string[] PersonalMailDomains = ["correo.example", "mail.example", "inbox.example", "post.example"];
    private static readonly TimeSpan CustomerSince = TimeSpan.FromDays(730);

    private readonly Randomizer _random;
    private readonly DemoCast _cast;
    private readonly DateTimeOffset _now;
    private readonly DemoNames _names;
    private readonly WeightedChoice<DemoCountry> _countries;
    private readonly InteractionHistoryGenerator _interactions;
    private readonly OrderHistoryGenerator _orders;
    private readonly ConsentHistoryGenerator _consents;
    private readonly OfferHistoryGenerator _offerHistory;
    private readonly HashSet<string> _takenCompanyKeys;
    private long _nextNumber;
    private CurrentCompany? _company;

    public DemoCustomerGenerator(int randomSeed, DemoCast cast, DateTimeOffset now, long firstCustomerNumber, IEnumerable<string> takenCompanyKeys)
    {
        _takenCompanyKeys = new HashSet<string>(takenCompanyKeys, StringComparer.Ordinal);
        _random = new Randomizer(randomSeed);
        _cast = cast;
        _now = now;
        _nextNumber = firstCustomerNumber;
        _names = new DemoNames(_random);
        _countries = new WeightedChoice<DemoCountry>(DemoCountry.All.Select(c => (c, c.Weight)));
        _interactions = new InteractionHistoryGenerator(_random, cast, now);
        _orders = new OrderHistoryGenerator(_random, cast.Offers, now);
        _consents = new ConsentHistoryGenerator(_random, now);
        _offerHistory = new OfferHistoryGenerator(randomSeed, cast.Offers, now);
    }

    /// <summary>The mean number of interactions per customer (see <see cref="SeedRequest.InteractionsPerCustomer"/>).</summary>
    public double InteractionsPerCustomer
    {
        get => _interactions.MeanPerCustomer;
        init => _interactions.MeanPerCustomer = value;
    }

    public SeedChunk Next(int customers)
    {
        var chunk = new SeedChunk(new(customers), new(customers * 3), new(customers * 9), new(customers * 3), new(customers * 3));
        for (var i = 0; i < customers; i++)
        {
            var number = _nextNumber++;
            var (customer, country) = NewCustomer(number);
            chunk.Customers.Add(customer);
            chunk.Identities.AddRange(customer.Identities);
            var reps = _cast.RepsFor(country);
            var owner = reps[_random.Number(reps.Count - 1)];
            customer.AssignOwner(owner.Id);
            var firstInteraction = chunk.Interactions.Count;
            var firstOrder = chunk.Orders.Count;
            _interactions.AddHistory(customer, country, owner, chunk.Interactions);
            _orders.AddOrders(customer, country, chunk.Orders);
            _consents.AddConsents(customer, chunk.Consents);
            _offerHistory.AddHistory(customer, owner, chunk.Orders.Skip(firstOrder), chunk.Interactions.Skip(firstInteraction),
                chunk.OfferPresentations, chunk.OfferAnswers);
        }
        return chunk;
    }

    private (Customer Customer, DemoCountry Country) NewCustomer(long number)
    {
        var company = NextCompany();
        var country = company?.Country ?? _countries.Pick(_random);
        var hispanic = country.SpeaksSpanish || _random.Bool(0.15f);
        var language = country.SpeaksSpanish || (hispanic && _random.Bool(0.6f)) ? LanguageCode.Spanish : LanguageCode.English;
        var (first, surnames) = _names.Person(country, hispanic);
        var createdAt = _now - TimeSpan.FromSeconds(Math.Floor(_random.Double() * CustomerSince.TotalSeconds));

        var customer = new Customer(CustomerId.New(), $"{first} {surnames}", company?.Name, country.Code, language, createdAt);
        var numberText = number.ToString(CultureInfo.InvariantCulture);
        var mailbox = $"{DemoNames.Slug(first, '.', 30)}.{DemoNames.Slug(surnames.Split(' ')[0], '.', 30)}.{numberText}";
        var domain = company?.MailDomain ?? PersonalMailDomains[_random.Number(PersonalMailDomains.Length - 1)];
        customer.AddIdentity(IdentityKind.Email, $"{mailbox}@{domain}");
        if (_random.Bool(0.85f))
            customer.AddIdentity(IdentityKind.Phone, country.Phones.ForCustomer(number));
        if (company is not null && _random.Bool(0.1f))
            customer.AddIdentity(IdentityKind.Email, $"{mailbox}@{PersonalMailDomains[_random.Number(PersonalMailDomains.Length - 1)]}");
        if (_random.Bool(0.25f))
            customer.AddIdentity(IdentityKind.LoyaltyNumber, $"CC{number:D9}");
        if (company is not null && _random.Bool(0.35f))
            customer.AddIdentity(IdentityKind.ExternalId, $"ERP-{country.Code.Value}-{number:D8}");
        return (customer, country);
    }

    /// <summary>The company of the next contact, or null for a private individual (about one in ten).</summary>
    private CurrentCompany? NextCompany()
    {
        if (_company is { ContactsLeft: > 0 })
        {
            _company.ContactsLeft--;
            return _company;
        }
        if (_random.Bool(0.1f))
            return null;

        var country = _countries.Pick(_random);
        var (core, name) = UniqueCompanyName(country);
        var domain = $"{DemoNames.Slug(core, '-', 40)}.example";
        _company = new CurrentCompany(country, name, domain) { ContactsLeft = ContactsPerCompany.Pick(_random) - 1 };
        return _company;
    }

    /// <summary>
    /// A company name no other company has (in this run or already in the database), so the contacts of one
    /// company are exactly those that share its name. After a few clashes the name gets a city, then a branch number.
    /// </summary>
    private (string Core, string Name) UniqueCompanyName(DemoCountry country)
    {
        for (var attempt = 1; ; attempt++)
        {
            var core = _names.CompanyCore(country);
            if (attempt > 4)
                core += " " + country.Cities[_random.Number(country.Cities.Count - 1)];
            if (attempt > 8)
                core += " " + (attempt - 7).ToString(CultureInfo.InvariantCulture);
            var name = $"{core} {country.CompanySuffixes[_random.Number(country.CompanySuffixes.Count - 1)]}";
            if (_takenCompanyKeys.Add(SearchText.Fold(name)))
                return (core, name);
        }
    }

    private sealed record CurrentCompany(DemoCountry Country, string Name, string MailDomain)
    {
        public int ContactsLeft { get; set; }
    }
}
