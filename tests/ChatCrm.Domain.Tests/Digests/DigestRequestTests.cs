using ChatCrm.Domain.Digests;

namespace ChatCrm.Domain.Tests.Digests;

public sealed class DigestRequestTests
{
    [Theory]
    [InlineData("daily 08:00 teams", DigestFrequency.Daily, null, 8, 0, DigestChannel.Teams)]
    [InlineData("weekly monday 09:30 slack", DigestFrequency.Weekly, DayOfWeek.Monday, 9, 30, DigestChannel.Slack)]
    [InlineData("semanal miércoles 7:05", DigestFrequency.Weekly, DayOfWeek.Wednesday, 7, 5, DigestChannel.Teams)]
    [InlineData("diario 18h", DigestFrequency.Daily, null, 18, 0, DigestChannel.Teams)]
    [InlineData("viernes 0830 slack", DigestFrequency.Weekly, DayOfWeek.Friday, 8, 30, DigestChannel.Slack)]
    public void Parse_Setting_ReadsFrequencyDayTimeAndChannel(string text, DigestFrequency frequency, DayOfWeek? day, int hour, int minute, DigestChannel channel)
    {
        var request = DigestRequest.Parse(text, DigestChannel.Teams);

        Assert.Equal(DigestCommandKind.Set, request.Kind);
        Assert.Equal((frequency, day, new TimeOnly(hour, minute), channel), (request.Frequency, request.Day, request.LocalTime, request.Channel));
    }

    [Theory]
    [InlineData("", DigestCommandKind.Show)]
    [InlineData("off", DigestCommandKind.Off)]
    [InlineData("desactivar", DigestCommandKind.Off)]
    public void Parse_ShowAndOff(string text, DigestCommandKind kind) =>
        Assert.Equal(kind, DigestRequest.Parse(text, DigestChannel.Slack).Kind);

    [Theory]
    [InlineData("daily", "how often and at what time")]
    [InlineData("daily 25:00", "\"25h00\"")]
    [InlineData("daily monday 08:00", "no weekday")]
    [InlineData("weekly 08:00 email", "\"email\"")]
    public void Parse_Unreadable_SaysWhyInBothLanguages(string text, string english)
    {
        var request = DigestRequest.Parse(text, DigestChannel.Teams);

        Assert.Equal(DigestCommandKind.Invalid, request.Kind);
        Assert.Contains(english, request.Problem!.English, StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(request.Problem.Spanish));
    }
}
