using ChatCrm.Domain.Common;
using ChatCrm.Domain.Consents;
using ChatCrm.Domain.Customers;
using ChatCrm.Domain.Customers.Merging;
using ChatCrm.Domain.Interactions;
using ChatCrm.Domain.Orders;
using ChatCrm.Domain.Users;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace ChatCrm.Domain.Tests.Customers;

/// <summary>Invariants of merging: nothing is lost, and where the two records' consents disagree the more restrictive wins.</summary>
public sealed class CustomerMergeProperties
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 10, 0, 0, TimeSpan.Zero);
    private static readonly UserId Rep = UserId.New();

    private static readonly Gen<(bool Granted, ConsentPurpose Purpose, ContactChannel Channel, int DaysAgo)> Statement =
        from granted in Gen.Elements(true, false)
        from purpose in Gen.Elements(ConsentPurpose.Marketing, ConsentPurpose.Profiling)
        from channel in Gen.Elements(Enum.GetValues<ContactChannel>())
        from daysAgo in Gen.Choose(0, 30)
        select (granted, purpose, channel, daysAgo);

    private static readonly Gen<Side> Sides =
        from handles in Gen.Choose(0, 3)
        from interactions in Gen.Choose(0, 6)
        from orders in Gen.Choose(0, 4)
        from statements in Gen.ListOf(Statement)
        select new Side(handles, interactions, orders, statements.ToList());

    [Property]
    public Property Merge_AnyTwoRecords_KeepsEveryHandleInteractionAndOrder() =>
        Prop.ForAll(Sides.ToArbitrary(), Sides.ToArbitrary(), (a, b) =>
        {
            var survivor = a.Build("María Núñez", "keep");
            var duplicate = b.Build("Maria Nunez", "fold");

            CustomerMerge.Merge(survivor, duplicate, Rep, Now);

            var id = survivor.Customer.Id;
            return survivor.Customer.Identities.Count == a.Handles + b.Handles
                && survivor.Customer.Identities.All(i => i.CustomerId == id)
                && duplicate.Customer.Identities.Count == 0
                && survivor.Interactions.Concat(duplicate.Interactions).All(i => i.CustomerId == id)
                && survivor.Orders.Concat(duplicate.Orders).All(o => o.CustomerId == id)
                && survivor.Consents.Concat(duplicate.Consents).All(c => c.CustomerId == id)
                && duplicate.Customer.MergedIntoId == id;
        });

    [Property]
    public Property Merge_ConflictingConsents_TheMoreRestrictiveWins() =>
        Prop.ForAll(Sides.ToArbitrary(), Sides.ToArbitrary(), (a, b) =>
        {
            var survivor = a.Build("María Núñez", "keep");
            var duplicate = b.Build("Maria Nunez", "fold");
            var before = (Survivor: survivor.Consents.ToList(), Duplicate: duplicate.Consents.ToList());

            var outcome = CustomerMerge.Merge(survivor, duplicate, Rep, Now);

            var merged = survivor.Consents.Concat(duplicate.Consents).Concat(outcome.AddedConsents).ToList();
            foreach (var (purpose, channel) in merged.Select(c => (c.Purpose, c.Channel)).Distinct())
            {
                var mine = ConsentRules.Latest(before.Survivor, purpose, channel);
                var theirs = ConsentRules.Latest(before.Duplicate, purpose, channel);
                var after = ConsentRules.Latest(merged, purpose, channel)!;
                var expected = (mine, theirs) switch
                {
                    (null, var only) => only!.Granted,
                    (var only, null) => only.Granted,
                    _ => mine.Granted && theirs.Granted,
                };
                if (after.Granted != expected)
                    return false;
            }
            return true;
        });

    [Fact]
    public void Merge_GrantNewerThanTheOtherRecordsWithdrawal_RestatesTheWithdrawalAndExplainsIt()
    {
        var survivor = new Side(1, 0, 0, [(true, ConsentPurpose.Marketing, ContactChannel.Email, 2)]).Build("María Núñez", "keep");
        var duplicate = new Side(1, 1, 1, [(false, ConsentPurpose.Marketing, ContactChannel.Email, 20)]).Build("Maria Nunez", "fold");

        var outcome = CustomerMerge.Merge(survivor, duplicate, Rep, Now);

        var restated = Assert.Single(outcome.AddedConsents);
        Assert.False(restated.Granted);
        Assert.Equal(Now, restated.RecordedAt);
        Assert.Contains(outcome.Record.ExplanationLines, l => l.StartsWith("marketing by e-mail: the records disagreed", StringComparison.Ordinal)
            && l.Contains("the withdrawal, the more restrictive, wins, restated now.", StringComparison.Ordinal));
        Assert.Contains("Moved 1 interaction(s), 1 order(s) and 1 consent statement(s).", outcome.Record.ExplanationLines);
        Assert.Equal("Maria Nunez", outcome.Record.MergedName);
    }

    [Fact]
    public void Merge_RecordIntoItselfOrAnAlreadyMergedOne_IsRefused()
    {
        var survivor = new Side(1, 0, 0, []).Build("María Núñez", "keep");
        var duplicate = new Side(1, 0, 0, []).Build("Maria Nunez", "fold");
        CustomerMerge.Merge(survivor, duplicate, Rep, Now);

        Assert.Throws<DomainRuleException>(() => CustomerMerge.Merge(survivor, survivor, Rep, Now));
        Assert.Throws<DomainRuleException>(() => CustomerMerge.Merge(survivor, duplicate, Rep, Now));
    }

    private sealed record Side(int Handles, int Interactions, int Orders, List<(bool Granted, ConsentPurpose Purpose, ContactChannel Channel, int DaysAgo)> Statements)
    {
        public CustomerFile Build(string name, string tag)
        {
            var customer = new Customer(CustomerId.New(), name, "Acme Ibérica", CountryCode.Parse("ES"), LanguageCode.Spanish, Now.AddYears(-2));
            for (var i = 0; i < Handles; i++)
                customer.AddIdentity(IdentityKind.Email, $"{tag}{i}.{customer.Id}@acme.es");
            var interactions = Enumerable.Range(0, Interactions).Select(i => Interaction.Log(customer.Id, Rep, Now.AddDays(-i - 1), Now,
                InteractionChannel.Phone, InteractionKind.Call, $"Call {i}", null, null)).ToList();
            var orders = Enumerable.Range(0, Orders).Select(i => Order.Place(customer.Id, $"P-{i}", 100m + i, "EUR", Now.AddDays(-i))).ToList();
            var consents = Statements.Select(s => s.Granted
                ? ConsentRecord.Grant(customer.Id, s.Purpose, s.Channel, "web form", Now.AddDays(-s.DaysAgo))
                : ConsentRecord.Withdraw(customer.Id, s.Purpose, s.Channel, "phone call", Now.AddDays(-s.DaysAgo))).ToList();
            return new CustomerFile(customer, interactions, orders, consents);
        }
    }
}
