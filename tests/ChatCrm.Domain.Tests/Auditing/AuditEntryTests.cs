using ChatCrm.Domain.Access;
using ChatCrm.Domain.Auditing;
using ChatCrm.Domain.Customers;

namespace ChatCrm.Domain.Tests.Auditing;

public sealed class AuditEntryTests
{
    [Fact]
    public void ByIntegration_ApiKeyClient_NamesTheClientAndNoPerson()
    {
        var customer = CustomerId.New();

        var entry = AuditEntry.ByIntegration("apikey:0195a1b2", AuditAction.RecordedOrder, customer, new DateTimeOffset(2026, 12, 6, 12, 0, 0, TimeSpan.FromHours(1)),
            CustomerField.Revenue, "order 1: Created");

        Assert.Equal(("apikey:0195a1b2", null, AuditEntry.ApiChannel, (CustomerId?)customer, CustomerField.Revenue),
            (entry.Client, entry.Actor, entry.Channel, entry.CustomerId, entry.Fields));
        Assert.Equal(TimeSpan.Zero, entry.At.Offset);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    public void ByIntegration_BlankClient_Throws(string client) =>
        Assert.ThrowsAny<ArgumentException>(() => AuditEntry.ByIntegration(client, AuditAction.CreatedCustomer, null, DateTimeOffset.UnixEpoch));

    [Fact]
    public void ByIntegration_LongDetails_AreCutToTheLimit()
    {
        var entry = AuditEntry.ByIntegration("entra:app", AuditAction.DirectoryChanged, null, DateTimeOffset.UnixEpoch, details: new string('x', 5000));

        Assert.Equal(AuditEntry.MaxDetailsLength, entry.Details!.Length);
    }
}
