using ChatCrm.Domain.Cases;

namespace ChatCrm.Domain.Tests.Cases;

public sealed class BusinessCalendarSettingsTests
{
    private static DateTimeOffset Utc(int month, int day, int hour) => new(2026, month, day, hour, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Read_GroupAndDefault_EachGroupGetsItsOwnAndOthersTheDefault()
    {
        var reading = BusinessCalendarSettings.Read(new Dictionary<string, CalendarSetting>
        {
            ["Default"] = new("Europe/Madrid", "Mon-Fri", "09:00-13:00, 14:00-18:00", ["2026-12-08"]),
            ["Soporte Mexico"] = new("America/Mexico_City", "Mon-Sat", "08:00-20:00", null),
        });

        var calendars = Assert.IsType<SlaCalendars>(reading.Calendars);
        Assert.Empty(reading.Problems);
        Assert.Equal("Europe/Madrid", calendars.For("Billing").Zone.Id);
        Assert.Equal("America/Mexico_City", calendars.For("soporte mexico").Zone.Id);
        Assert.Contains(new DateOnly(2026, 12, 8), calendars.Default.Holidays);
        Assert.True(calendars.For("Soporte Mexico").IsWorking(Utc(12, 5, 15))); // Saturday 09:00 in Mexico City
        Assert.False(calendars.For("Billing").IsWorking(Utc(12, 5, 10))); // Saturday in Madrid
        Assert.False(calendars.For("Billing").IsWorking(Utc(12, 7, 12))); // Monday 13:00 in Madrid: lunch
    }

    [Fact]
    public void Read_Nothing_IsRoundTheClock()
    {
        var reading = BusinessCalendarSettings.Read(null);

        Assert.Same(BusinessCalendar.AlwaysOpen, reading.Calendars!.For("Support"));
    }

    [Fact]
    public void Read_WrongValues_NamesEverySettingAtOnce()
    {
        var reading = BusinessCalendarSettings.Read(new Dictionary<string, CalendarSetting>
        {
            ["Support"] = new("Madrid/Spain", "Mon-Fryday", "9-17, 18:00-17:00", ["25/12/2026"]),
            ["Billing"] = new("Europe/Madrid", null, null, null),
        });

        Assert.Null(reading.Calendars);
        Assert.Equal(
        [
            "Sla:Calendars:Support:TimeZone must be an IANA time zone such as Europe/Madrid; it is \"Madrid/Spain\".",
            "Sla:Calendars:Support:Days has \"Mon-Fryday\"; write days as Mon-Fri or Mon,Tue,Thu.",
            "Sla:Calendars:Support:Hours has \"9-17\"; write hours as 09:00-17:00, several separated by commas, each ending after it starts.",
            "Sla:Calendars:Support:Hours has \"18:00-17:00\"; write hours as 09:00-17:00, several separated by commas, each ending after it starts.",
            "Sla:Calendars:Support:Holidays has \"25/12/2026\", which is not a date written yyyy-MM-dd.",
            "Sla:Calendars:Billing:Days is missing; write the working days as Mon-Fri or Mon,Tue,Thu.",
            "Sla:Calendars:Billing:Hours is missing; write the working hours as 09:00-17:00 (or 09:00-13:00, 14:00-18:00).",
        ], reading.Problems);
    }

    [Fact]
    public void Read_OverlappingSpans_IsRefusedWithTheReason()
    {
        var reading = BusinessCalendarSettings.Read(new Dictionary<string, CalendarSetting>
        {
            ["Support"] = new("Europe/Madrid", "Mon,Wed,Fri", "09:00-14:00, 13:00-18:00", null),
        });

        Assert.Equal(["Sla:Calendars:Support: The working spans of a day must not overlap."], reading.Problems);
    }

    [Fact]
    public void Read_DaysAcrossTheWeekend_WrapAround()
    {
        var reading = BusinessCalendarSettings.Read(new Dictionary<string, CalendarSetting>
        {
            ["Weekend desk"] = new("UTC", "Sat-Sun", "00:00-24:00", null),
        });

        var calendar = reading.Calendars!.For("Weekend desk");
        Assert.Equal(TimeSpan.FromHours(48), calendar.Elapsed(Utc(12, 4, 0), Utc(12, 8, 0)));
    }
}
