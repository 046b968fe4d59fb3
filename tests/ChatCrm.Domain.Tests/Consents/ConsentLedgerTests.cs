using ChatCrm.Domain.Common;
using ChatCrm.Domain.Consents;
using ChatCrm.Domain.Customers;
using ChatCrm.Testing;

namespace ChatCrm.Domain.Tests.Consents;

public sealed class ConsentLedgerTests
{
    private static readonly CustomerId Customer = CustomerId.New();
    private static readonly DateTimeOffset January = new(2026, 1, 15, 12, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset February = new(2026, 2, 20, 12, 0, 0, TimeSpan.Zero);

    private static ConsentRecord Grant(DateTimeOffset at, ContactChannel channel = ContactChannel.Email, ConsentPurpose purpose = ConsentPurpose.Marketing) =>
        ConsentRecord.Grant(Customer, purpose, channel, "web form", at);

    private static ConsentRecord Withdraw(DateTimeOffset at, ContactChannel channel = ContactChannel.Email, ConsentPurpose purpose = ConsentPurpose.Marketing) =>
        ConsentRecord.Withdraw(Customer, purpose, channel, "call with rep", at);

    [Fact]
    public void Evaluate_NoRecord_DeniedForLackOfOptIn()
    {
        var decision = ConsentLedger.Evaluate([], ConsentPurpose.Marketing, ContactChannel.Email);

        Assert.False(decision.Allowed);
        Assert.Equal("no opt-in for marketing by e-mail", decision.Reason);
    }

    [Fact]
    public void Evaluate_Granted_PermittedWithDateAndSource()
    {
        var decision = ConsentLedger.Evaluate([Grant(January)], ConsentPurpose.Marketing, ContactChannel.Email);

        Assert.True(decision.Allowed);
        Assert.Equal("opted in to marketing by e-mail on 2026-01-15 (web form)", decision.Reason);
    }

    [Fact]
    public void Evaluate_GrantThenWithdrawn_Denied()
    {
        var decision = ConsentLedger.Evaluate([Grant(January), Withdraw(February)], ConsentPurpose.Marketing, ContactChannel.Email);

        Assert.False(decision.Allowed);
        Assert.Equal("withdrew consent to marketing by e-mail on 2026-02-20", decision.Reason);
    }

    [Fact]
    public void Evaluate_WithdrawnThenGrantedAgain_NewestRecordWins()
    {
        // Listed newest first, so the answer cannot come from the order of the list.
        var decision = ConsentLedger.Evaluate([Grant(February), Withdraw(January)], ConsentPurpose.Marketing, ContactChannel.Email);

        Assert.True(decision.Allowed);
        Assert.Contains("2026-02-20", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_GrantOnAnotherChannel_DoesNotCount()
    {
        var decision = ConsentLedger.Evaluate([Grant(January, ContactChannel.Sms)], ConsentPurpose.Marketing, ContactChannel.Email);

        Assert.False(decision.Allowed);
        Assert.Equal("no opt-in for marketing by e-mail", decision.Reason);
    }

    [Fact]
    public void Evaluate_GrantForAnotherPurpose_DoesNotCount()
    {
        var decision = ConsentLedger.Evaluate([Grant(January, purpose: ConsentPurpose.Profiling)], ConsentPurpose.PartnerOffers, ContactChannel.Phone);

        Assert.False(decision.Allowed);
        Assert.Equal("no opt-in for partner offers by phone", decision.Reason);
    }

    [Theory]
    [InlineData(ContactChannel.Email)]
    [InlineData(ContactChannel.Sms)]
    [InlineData(ContactChannel.Phone)]
    public void Evaluate_ServicePurpose_AlwaysPermitted(ContactChannel channel)
    {
        var decision = ConsentLedger.Evaluate([Withdraw(January, channel, ConsentPurpose.Service)], ConsentPurpose.Service, channel);

        Assert.True(decision.Allowed);
        Assert.Equal("service messages need no opt-in", decision.Reason);
    }

    [Fact]
    public void Grant_BlankSource_IsRejected() =>
        Assert.Throws<DomainRuleException>(() =>
            ConsentRecord.Grant(Customer, ConsentPurpose.Marketing, ContactChannel.Email, " ", TestClock.Now));

    [Fact]
    public void Grant_LocalTime_IsRecordedAsUtc()
    {
        var record = Grant(new DateTimeOffset(2026, 1, 15, 13, 0, 0, TimeSpan.FromHours(1)));

        Assert.Equal(TimeSpan.Zero, record.RecordedAt.Offset);
        Assert.Equal(January, record.RecordedAt);
    }
}
