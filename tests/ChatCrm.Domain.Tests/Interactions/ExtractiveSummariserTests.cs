using ChatCrm.Domain.Customers;
using ChatCrm.Domain.Interactions;
using ChatCrm.Domain.Interactions.Summaries;
using ChatCrm.Domain.Users;
using ChatCrm.Testing;

namespace ChatCrm.Domain.Tests.Interactions;

public sealed class ExtractiveSummariserTests
{
    private readonly TimeProvider _clock = TestClock.Create();
    private readonly CustomerId _customer = CustomerId.New();
    private readonly UserId _rep = UserId.New();

    private Interaction Log(int daysAgo, string summary, string? outcome = null, InteractionKind kind = InteractionKind.Call) =>
        Interaction.Log(_customer, _rep, _clock.GetUtcNow().AddDays(-daysAgo), _clock.GetUtcNow(), InteractionChannel.Phone,
            kind, summary, outcome, null);

    [Fact]
    public void Summarise_English_KeepsTheRequestOverSmallTalk()
    {
        var lines = ExtractiveSummariser.Summarise(
        [
            Log(1, "Nice chat about the weather. She wants a quote for 20 seats before Friday. We said goodbye."),
        ], sentences: 1);

        var line = Assert.Single(lines);
        Assert.Equal("She wants a quote for 20 seats before Friday.", line.Sentence);
    }

    [Fact]
    public void Summarise_Spanish_KeepsTheComplaintAndTheBudget()
    {
        var lines = ExtractiveSummariser.Summarise(
        [
            Log(3, "Hablamos un rato del tiempo. Presentó una queja por la factura de marzo.", "Pidió un presupuesto de 15 licencias"),
        ], sentences: 2);

        Assert.Equal(2, lines.Count);
        Assert.Contains(lines, l => l.Sentence.StartsWith("Presentó una queja", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Sentence.StartsWith("Pidió un presupuesto", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Sentence.Contains("tiempo", StringComparison.Ordinal));
    }

    [Fact]
    public void Summarise_SameSentenceWeight_NewerContactWins()
    {
        var lines = ExtractiveSummariser.Summarise(
        [
            Log(20, "Asked for a discount on the renewal."),
            Log(2, "Asked for a discount on the upgrade."),
        ], sentences: 1);

        Assert.Equal("Asked for a discount on the upgrade.", Assert.Single(lines).Sentence);
    }

    [Fact]
    public void Summarise_RepeatedPoint_IsKeptOnce()
    {
        var lines = ExtractiveSummariser.Summarise(
        [
            Log(5, "Wants a quote for twenty seats of the planning module."),
            Log(2, "Wants the quote for twenty seats of the planning module soon."),
            Log(1, "Complained that invoices arrive late."),
        ]);

        Assert.Equal(2, lines.Count);
        Assert.Single(lines, l => l.Sentence.Contains("twenty seats", StringComparison.Ordinal));
    }

    [Fact]
    public void Summarise_ReadsOnlyTheNewestContactsAndShowsNewestFirst()
    {
        string[] notes =
        [
            "Agreed the price for 10 laptops.", "Complained about late deliveries.", "Wants a quote for 5 printers.",
            "Asked to cancel the old contract.", "Requested a demo of analytics.", "Invoice 42 disputed by finance.",
            "Renewal signed for 3 years.", "Budget approved for training.",
        ];
        var history = notes.Select((note, d) => Log(d + 1, note)).ToList();

        var lines = ExtractiveSummariser.Summarise(history);

        Assert.Equal(3, lines.Count);
        Assert.True(lines.Zip(lines.Skip(1)).All(p => p.First.OccurredAt >= p.Second.OccurredAt));
        Assert.All(lines, l => Assert.True(l.OccurredAt >= _clock.GetUtcNow().AddDays(-ExtractiveSummariser.ContactsRead)));
    }

    [Fact]
    public void Summarise_ErasedAndEmptyHistory_GivesNothing()
    {
        var erased = Log(1, "Complained about the invoice.");
        erased.Redact();

        Assert.Empty(ExtractiveSummariser.Summarise([erased]));
        Assert.Empty(ExtractiveSummariser.Summarise([]));
    }

    [Theory]
    [InlineData("Paid 3.5k. Then left", 2)]
    [InlineData("One; two! three?\nfour", 4)]
    [InlineData("  ...  ", 0)]
    public void SplitSentences_EndsAtPunctuationButNotInsideNumbers(string text, int expected) =>
        Assert.Equal(expected, ExtractiveSummariser.SplitSentences(text).Count());

    [Fact]
    public void ScoreSentence_CueWordsAndFiguresScoreAboveLength()
    {
        var plain = ExtractiveSummariser.ScoreSentence("Walked through the warehouse and looked at shelves and boxes", isOutcome: false);
        var cue = ExtractiveSummariser.ScoreSentence("Cancel 2 seats", isOutcome: false);

        Assert.True(cue > plain, $"{cue} <= {plain}");
    }
}
