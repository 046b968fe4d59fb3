using ChatCrm.Domain.Common;
using ChatCrm.Domain.Consents;
using ChatCrm.Domain.Customers;
using ChatCrm.Testing;

namespace ChatCrm.Domain.Tests.Consents;

public sealed class ConsentRecordTests
{
    private static readonly CustomerId Customer = CustomerId.New();

    [Fact]
    public void Grant_BlankSource_IsRejected() =>
        Assert.Throws<DomainRuleException>(() =>
            ConsentRecord.Grant(Customer, ConsentPurpose.Marketing, ContactChannel.Email, " ", TestClock.Now));

    [Fact]
    public void Grant_LocalTime_IsRecordedAsUtc()
    {
        var record = ConsentRecord.Grant(Customer, ConsentPurpose.Marketing, ContactChannel.Email, "web form", new DateTimeOffset(2026, 1, 15, 13, 0, 0, TimeSpan.FromHours(1)));

        Assert.Equal(TimeSpan.Zero, record.RecordedAt.Offset);
        Assert.Equal(new DateTimeOffset(2026, 1, 15, 12, 0, 0, TimeSpan.Zero), record.RecordedAt);
    }
}
