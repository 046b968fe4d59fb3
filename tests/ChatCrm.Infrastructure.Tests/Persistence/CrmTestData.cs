using ChatCrm.Domain.Common;
using ChatCrm.Domain.Customers;
using ChatCrm.Domain.Interactions;
using ChatCrm.Domain.Users;
using ChatCrm.Testing;

namespace ChatCrm.Infrastructure.Tests.Persistence;

/// <summary>Rows for persistence tests; every call makes new ids and handles so tests sharing a database never collide.</summary>
internal static class CrmTestData
{
    public static User Rep(string name = "Lucía Fernández") =>
        new(UserId.New(), name, UserRole.SalesRep, "Iberia", "Europe/Madrid", "es-ES");

    public static Customer Customer(string name = "María Núñez", string? company = "Ferretería Núñez S.L.") =>
        new(CustomerId.New(), name, company, CountryCode.Parse("ES"), LanguageCode.Spanish, TestClock.Now.AddDays(-90));

    /// <summary>An e-mail address no other test uses.</summary>
    public static string UniqueEmail(string local = "maria") => $"{local}.{Guid.NewGuid():N}@ejemplo.es";

    public static Interaction Call(Customer customer, User rep, DateTimeOffset occurredAt, string summary = "Llamada sobre la renovación") =>
        Interaction.Log(customer.Id, rep.Id, occurredAt, TestClock.Now, InteractionChannel.Phone, InteractionKind.Call, summary, outcome: null, followUpOn: null);
}
