using ChatCrm.Infrastructure.Import;

namespace ChatCrm.Infrastructure.Tests.Import;

public sealed class ImportValuesTests
{
    [Theory]
    [InlineData("1234,56", "1234.56")]
    [InlineData("1.234,56", "1234.56")]
    [InlineData("1,234.56", "1234.56")]
    [InlineData("25.000,00", "25000.00")]
    [InlineData(" 99.9 ", "99.9")]
    [InlineData("-5", "-5")]
    public void Amount_DecimalCommaOrPoint_ReadsTheNumber(string text, string expected) =>
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), ImportValues.Amount(text));

    [Theory]
    [InlineData("twelve")]
    [InlineData("")]
    [InlineData("1e5")]
    [InlineData("12 EUR")]
    public void Amount_NotANumber_IsNull(string text) => Assert.Null(ImportValues.Amount(text));

    [Theory]
    [InlineData("2025-03-14", "2025-03-14T00:00:00+00:00")]
    [InlineData("14/03/2025", "2025-03-14T00:00:00+00:00")]
    [InlineData("14.03.2025", "2025-03-14T00:00:00+00:00")]
    [InlineData("2025-03-14T09:30:00+01:00", "2025-03-14T08:30:00+00:00")]
    public void Date_IsoOrDayFirst_ReadsTheInstant(string text, string expected) =>
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), ImportValues.Date(text));

    [Theory]
    [InlineData("03/14/2025")]
    [InlineData("yesterday")]
    [InlineData("14 March")]
    public void Date_NotADate_IsNull(string text) => Assert.Null(ImportValues.Date(text));

    [Theory]
    [InlineData("granted", true)]
    [InlineData("Sí", true)]
    [InlineData("withdrawn", false)]
    [InlineData("0", false)]
    public void Granted_Word_ReadsTheStatement(string text, bool expected) => Assert.Equal(expected, ImportValues.Granted(text));
}
