using ChatCrm.Domain.Users;

namespace ChatCrm.Domain.Tests.Users;

public sealed class TimeZoneNamesTests
{
    [Theory]
    [InlineData("Madrid", "Europe/Madrid")]
    [InlineData("  madrid ", "Europe/Madrid")]
    [InlineData("Bogotá", "America/Bogota")]
    [InlineData("BOGOTA", "America/Bogota")]
    [InlineData("New York", "America/New_York")]
    [InlineData("Nueva York", "America/New_York")]
    [InlineData("Ciudad de México", "America/Mexico_City")]
    [InlineData("Mexico City", "America/Mexico_City")]
    [InlineData("Buenos Aires", "America/Argentina/Buenos_Aires")]
    [InlineData("Canary Islands", "Atlantic/Canary")]
    [InlineData("Islas Canarias", "Atlantic/Canary")]
    [InlineData("Lisboa", "Europe/Lisbon")]
    [InlineData("Santiago", "America/Santiago")]
    [InlineData("Europe/Lisbon", "Europe/Lisbon")]
    [InlineData("europe/lisbon", "Europe/Lisbon")]
    [InlineData("America/Los Angeles", "America/Los_Angeles")]
    [InlineData("Asia/Tokyo", "Asia/Tokyo")]
    [InlineData("UTC", "UTC")]
    public void Resolve_CityOrIanaId_IsTheIanaId(string text, string expected) =>
        Assert.Equal(expected, TimeZoneNames.Resolve(text));

    [Theory]
    [InlineData("Madrid/Spain")]
    [InlineData("Atlantis")]
    [InlineData("Europe/Atlantis")]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public void Resolve_NoZone_IsNull(string? text) => Assert.Null(TimeZoneNames.Resolve(text));

    [Fact]
    public void IsIanaId_OnlyExactIds() =>
        Assert.Equal((true, false, false), (TimeZoneNames.IsIanaId("Europe/Madrid"), TimeZoneNames.IsIanaId("Madrid"), TimeZoneNames.IsIanaId("Madrid/Spain")));
}
