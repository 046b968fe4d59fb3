using ChatCrm.Domain.Common;
using ChatCrm.Domain.Customers;
using ChatCrm.Domain.Interactions;
using ChatCrm.Domain.Users;
using ChatCrm.Testing;

namespace ChatCrm.Domain.Tests.Interactions;

/// <summary>Amending and withdrawing one's own interaction: the original is kept, and who may do it and until when.</summary>
public sealed class OwnLogCorrectionTests
{
    private static readonly TimeSpan Window = OwnLogCorrection.DefaultWindow;
    private readonly DateTimeOffset _now = TestClock.Now;
    private readonly User _ana = new(UserId.New(), "Ana García", UserRole.SalesRep, "Iberia", "Europe/Madrid", "es-ES");
    private readonly User _luis = new(UserId.New(), "Luis Pérez", UserRole.SalesRep, "Iberia", "Europe/Madrid", "es-ES");

    private Interaction LoggedByAna(DateTimeOffset at) =>
        Interaction.Log(CustomerId.New(), _ana.Id, at, at, InteractionChannel.Phone, InteractionKind.Call, "Called about the invoice", "will pay", null);

    [Fact]
    public void Amend_KeepsTheOriginalAsWrittenAndPointsTheNewVersionAtIt()
    {
        var original = LoggedByAna(_now.AddHours(-1));

        var amendment = original.Amend(original.OccurredAt, _now, InteractionChannel.Visit, InteractionKind.Visit, "Visited them", null, null);

        Assert.Equal((InteractionState.Amended, _now, "Called about the invoice", "will pay"), (original.State, original.StateChangedAt, original.Summary, original.Outcome));
        Assert.Equal((InteractionState.Current, original.Id, original.CustomerId, _ana.Id), (amendment.State, amendment.AmendmentOf, amendment.CustomerId, amendment.LoggedBy));
        Assert.Equal(("Visited them", InteractionKind.Visit, _now), (amendment.Summary, amendment.Kind, amendment.RecordedAt));
    }

    [Fact]
    public void Amend_ACorrection_PointsAtTheFirstVersion()
    {
        var original = LoggedByAna(_now.AddHours(-1));
        var first = original.Amend(original.OccurredAt, _now, InteractionChannel.Phone, InteractionKind.Call, "Second try", null, null);

        var second = first.Amend(original.OccurredAt, _now, InteractionChannel.Phone, InteractionKind.Call, "Third try", null, null);

        Assert.Equal(original.Id, second.AmendmentOf);
    }

    [Fact]
    public void Amend_CheckedAsLogging_AndOnlyOnce()
    {
        var original = LoggedByAna(_now.AddHours(-1));

        Assert.Throws<DomainRuleException>(() => original.Amend(original.OccurredAt, _now, InteractionChannel.Phone, InteractionKind.Call, " ", null, null));
        Assert.Equal(InteractionState.Current, original.State); // a refused correction leaves it as it was
        original.Amend(original.OccurredAt, _now, InteractionChannel.Phone, InteractionKind.Call, "Fine", null, null);
        Assert.Throws<DomainRuleException>(() => original.Amend(original.OccurredAt, _now, InteractionChannel.Phone, InteractionKind.Call, "Again", null, null));
        Assert.Throws<DomainRuleException>(() => original.Withdraw(_now));
    }

    [Fact]
    public void Withdraw_KeepsWhatWasWritten()
    {
        var interaction = LoggedByAna(_now.AddHours(-1));

        interaction.Withdraw(_now);

        Assert.Equal((InteractionState.Withdrawn, _now, "Called about the invoice"), (interaction.State, interaction.StateChangedAt, interaction.Summary));
    }

    [Fact]
    public void Refusal_TheAuthorsLastWithinTheWindow_IsAllowed()
    {
        var interaction = LoggedByAna(_now.AddHours(-23));

        Assert.Null(OwnLogCorrection.Refusal(_ana, interaction, interaction.RecordedAt, isTheirLast: true, _now, Window));
    }

    [Fact]
    public void Refusal_SomeoneElse_NotTheLast_PastTheWindow_OrNoLongerCurrent_EachSaysWhy()
    {
        var interaction = LoggedByAna(_now.AddHours(-1));
        var old = LoggedByAna(_now.AddHours(-25));
        var withdrawn = LoggedByAna(_now.AddHours(-1));
        withdrawn.Withdraw(_now);

        Assert.Contains("only the person who logged", OwnLogCorrection.Refusal(_luis, interaction, interaction.RecordedAt, true, _now, Window)!.English, StringComparison.Ordinal);
        Assert.Contains("solo se puede corregir o anular la última", OwnLogCorrection.Refusal(_ana, interaction, interaction.RecordedAt, false, _now, Window)!.Spanish, StringComparison.Ordinal);
        Assert.Contains("more than 24 hours ago", OwnLogCorrection.Refusal(_ana, old, old.RecordedAt, true, _now, Window)!.English, StringComparison.Ordinal);
        Assert.Contains("already withdrawn", OwnLogCorrection.Refusal(_ana, withdrawn, withdrawn.RecordedAt, true, _now, Window)!.English, StringComparison.Ordinal);
    }

    [Fact]
    public void Refusal_TheWindowCountsFromTheFirstVersion_NotTheCorrection()
    {
        var original = LoggedByAna(_now.AddHours(-30));
        var amendment = original.Amend(original.OccurredAt, _now.AddHours(-10), InteractionChannel.Phone, InteractionKind.Call, "Corrected", null, null);

        Assert.NotNull(OwnLogCorrection.Refusal(_ana, amendment, original.RecordedAt, true, _now, Window));
        Assert.Null(OwnLogCorrection.Refusal(_ana, amendment, original.RecordedAt, true, _now, TimeSpan.FromHours(31)));
    }
}
