using ChatCrm.Domain.Common;
using ChatCrm.Domain.Consents;
using ChatCrm.Domain.Customers;
using ChatCrm.Domain.Offers;
using ChatCrm.Domain.Users;
using ChatCrm.Testing;

namespace ChatCrm.Domain.Tests.Offers;

public sealed class OfferPresentationTests
{
    private static readonly UserId Rep = UserId.New();

    private static OfferPresentation Shown() => new(OfferPresentationId.New(), CustomerId.New(), OfferId.New(), Rep, TestClock.Now, "Teams",
        ContactChannel.Email, OfferRankingSource.Rules, modelVersionId: Guid.NewGuid());

    [Fact]
    public void Answer_First_IsRecordedWithARow()
    {
        var presentation = Shown();

        var outcome = presentation.Answer(OfferResponse.Accepted, Rep, TestClock.Now.AddMinutes(1));

        Assert.Equal(OfferAnswerChange.Recorded, outcome.Change);
        Assert.Equal(OfferResponse.Accepted, presentation.Response);
        Assert.Equal(presentation.Id, outcome.Row!.PresentationId);
        Assert.Null(outcome.Row.Replaced);
    }

    [Fact]
    public void Answer_SameTwice_StoresNothingTheSecondTime()
    {
        var presentation = Shown();
        presentation.Answer(OfferResponse.Declined, Rep, TestClock.Now);

        var again = presentation.Answer(OfferResponse.Declined, Rep, TestClock.Now.AddMinutes(5));

        Assert.Equal(OfferAnswerChange.Unchanged, again.Change);
        Assert.Null(again.Row);
        Assert.Equal(TestClock.Now, presentation.AnsweredAt);
    }

    [Fact]
    public void Answer_Different_ReplacesAndKeepsTheEarlierOnRecord()
    {
        var presentation = Shown();
        presentation.Answer(OfferResponse.Declined, Rep, TestClock.Now);

        var changed = presentation.Answer(OfferResponse.NotNow, Rep, TestClock.Now.AddMinutes(2));

        Assert.Equal(OfferAnswerChange.Changed, changed.Change);
        Assert.Equal(OfferResponse.Declined, changed.Previous);
        Assert.Equal(OfferResponse.Declined, changed.Row!.Replaced);
        Assert.Equal(OfferResponse.NotNow, presentation.Response);
    }

    [Fact]
    public void Answer_UndefinedResponse_IsRejected() =>
        Assert.Throws<DomainRuleException>(() => Shown().Answer((OfferResponse)42, Rep, TestClock.Now));

    [Fact]
    public void New_RankedByRules_KeepsNoModelVersion() => Assert.Null(Shown().ModelVersionId);
}
