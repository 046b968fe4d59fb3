using ChatCrm.Domain.Cases;
using ChatCrm.Domain.Common;
using ChatCrm.Domain.Customers;
using ChatCrm.Domain.Satisfaction;
using ChatCrm.Domain.Users;

namespace ChatCrm.Domain.Tests.Satisfaction;

public sealed class SatisfactionSurveyTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 9, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("1", 1)]
    [InlineData(" 5 ", 5)]
    public void Read_ScoreOneToFive_IsAccepted(string score, int expected)
    {
        var (answer, problem) = SatisfactionAnswer.Read(score, "  ");

        Assert.Null(problem);
        Assert.Equal(new SatisfactionAnswer(expected, null), answer);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("0")]
    [InlineData("6")]
    [InlineData("-1")]
    [InlineData("4.5")]
    [InlineData("five")]
    public void Read_MissingOrOddScore_IsRefusedInBothLanguages(string? score)
    {
        var (answer, problem) = SatisfactionAnswer.Read(score, "Fine");

        Assert.Null(answer);
        Assert.Equal(new LocalizedText("Please choose a score from 1 to 5.", "Elige una puntuación del 1 al 5."), problem);
    }

    [Fact]
    public void Read_CommentOverTheLimit_IsRefused()
    {
        var (answer, problem) = SatisfactionAnswer.Read("3", new string('x', SatisfactionSurvey.MaxCommentLength + 1));

        Assert.Null(answer);
        Assert.Contains("too long", problem!.English, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1, true)]
    [InlineData(2, true)]
    [InlineData(3, false)]
    public void IsLow_OneOrTwo_AlertsTheManager(int score, bool low) => Assert.Equal(low, new SatisfactionAnswer(score, null).IsLow);

    [Fact]
    public void Answer_Once_SecondAndExpiredAreRefused()
    {
        var survey = Sent();
        Assert.True(survey.OpensAt(Now.AddDays(13)));

        survey.Answer(new SatisfactionAnswer(4, "Quick"), Now.AddDays(1));

        Assert.Equal((SurveyStatus.Answered, 4, "Quick"), (survey.Status, survey.Score, survey.Comment));
        Assert.Throws<DomainRuleException>(() => survey.Answer(new SatisfactionAnswer(1, null), Now.AddDays(2)));
        Assert.False(Sent().OpensAt(Now.AddDays(14)));
        Assert.Throws<DomainRuleException>(() => Sent().Answer(new SatisfactionAnswer(5, null), Now.AddDays(15)));
    }

    [Fact]
    public void RecordSatisfaction_JoinsTheHistoryAndErasureRemovesTheCommentOnly()
    {
        var agent = UserId.New();
        var supportCase = SupportCase.Open(CustomerId.New(), "Printer", null, CasePriority.Normal, null, agent, "Support", Now, SlaTable.Default);
        supportCase.Resolve("Fixed", agent, Now);
        supportCase.RecordSatisfaction(2, "Slow", agent, Now.AddDays(1));

        var entry = supportCase.History[^1];
        Assert.Equal((CaseChange.SatisfactionRated, "2", "Slow"), (entry.Change, entry.From, entry.To));
        supportCase.Redact();
        Assert.Equal(("2", Domain.Interactions.Interaction.ErasedText), (entry.From, entry.To));
    }

    private static SatisfactionSurvey Sent()
    {
        var survey = SatisfactionSurvey.Queue(SupportCaseId.New(), CustomerId.New(), 2, UserId.New(), Now);
        Assert.False(survey.OpensAt(Now));
        survey.Issue("hash", Now, TimeSpan.FromDays(14));
        survey.MarkSent(Now);
        return survey;
    }
}
