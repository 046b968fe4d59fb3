using ChatCrm.Domain.Common;
using ChatCrm.Domain.Consents;
using ChatCrm.Domain.Customers;
using ChatCrm.Domain.Offers;
using ChatCrm.Domain.Orders;
using ChatCrm.Domain.Users;
using ChatCrm.Infrastructure.Persistence;

namespace ChatCrm.Bot.Tests.Support;

/// <summary>Small, readable arrangements of CRM data for transcripts: the people and customers each test talks about.</summary>
public static class CrmData
{
    public static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;

    /// <summary>
    /// The date of <see cref="Now"/> in Madrid, the time zone of every user these tests add: the bot counts days
    /// ("5 days overdue") from the reader's own date, which is a day ahead of UTC's late in the UTC evening.
    /// </summary>
    public static readonly DateOnly Today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(Now, TimeZoneInfo.FindSystemTimeZoneById("Europe/Madrid")).DateTime);

    public static TeamsUser Ana { get; } = new("29:ana-chat-id", "0b3f6a2e-8f54-4c55-9d1e-4a1f2c3d4e5f", "Ana García");

    public static async Task<User> AddRepAsync(this CrmDbContext db, TeamsUser teamsUser, string locale = "en-US") =>
        await db.AddUserAsync(teamsUser, UserRole.SalesRep, "Iberia", locale: locale);

    /// <summary>A ChatCrm user linked to <paramref name="teamsUser"/>, in a role and team, reporting to <paramref name="manager"/>.</summary>
    public static async Task<User> AddUserAsync(this CrmDbContext db, TeamsUser teamsUser, UserRole role, string? team, User? manager = null,
        string locale = "en-US")
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(teamsUser);
        var user = new User(UserId.New(), teamsUser.Name, role, team, "Europe/Madrid", locale);
        user.LinkTeams(teamsUser.AadObjectId);
        user.ReportTo(manager?.Id);
        db.Users.Add(user);
        await db.SaveChangesAsync();
        return user;
    }

    /// <param name="owner">The rep who owns the account (need-to-know: their team sees the full record); null for nobody.</param>
    public static async Task<Customer> AddCustomerAsync(this CrmDbContext db, string name, string? company, string country = "ES",
        string? email = null, string? phone = null, User? owner = null)
    {
        ArgumentNullException.ThrowIfNull(db);
        var customer = new Customer(CustomerId.New(), name, company, CountryCode.Parse(country), LanguageCode.Spanish, Now.AddYears(-1));
        customer.AssignOwner(owner?.Id);
        if (email is not null)
            customer.AddIdentity(IdentityKind.Email, email);
        if (phone is not null)
            customer.AddIdentity(IdentityKind.Phone, phone);
        db.Customers.Add(customer);
        await db.SaveChangesAsync();
        return customer;
    }

    public static async Task<Offer> AddOfferAsync(this CrmDbContext db, string code, string name, string category, ConsentPurpose purpose, string? partnerCompany = null)
    {
        ArgumentNullException.ThrowIfNull(db);
        var offer = new Offer(OfferId.New(), code, name, category, purpose, $"{name}: a pitch the rep can read out.", partnerCompany);
        db.Offers.Add(offer);
        await db.SaveChangesAsync();
        return offer;
    }

    public static async Task AddOrderAsync(this CrmDbContext db, Customer customer, string productCode, decimal amount)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(customer);
        db.Orders.Add(Order.Place(customer.Id, productCode, amount, "EUR", Now.AddMonths(-2)));
        await db.SaveChangesAsync();
    }

    public static async Task GrantAsync(this CrmDbContext db, Customer customer, ConsentPurpose purpose, ContactChannel channel)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(customer);
        db.ConsentRecords.Add(ConsentRecord.Grant(customer.Id, purpose, channel, "web form", Now.AddMonths(-6)));
        await db.SaveChangesAsync();
    }
}
