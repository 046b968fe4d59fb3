using ChatCrm.Bot.Features.HandOver;

namespace ChatCrm.Bot.Tests.Features.HandOver;

public sealed class ReassignRequestTests
{
    [Theory]
    [InlineData("María Núñez to Luis Pérez", false, "María Núñez", "Luis Pérez")]
    [InlineData("María Núñez a Luis", false, "María Núñez", "Luis")]
    [InlineData("Casa a Medida SL a Luis", false, "Casa a Medida SL", "Luis")]
    [InlineData("all from Ana García to luis@contoso.example", true, "Ana García", "luis@contoso.example")]
    [InlineData("Todos de Ana a Luis", true, "Ana", "Luis")]
    [InlineData("todos los de Ana García a Luis Pérez", true, "Ana García", "Luis Pérez")]
    public void Parse_OneCustomerOrAWholeBook_TheHeirIsAfterTheLastSeparator(string text, bool wholeBook, string subject, string heir) =>
        Assert.Equal(new ReassignRequest(wholeBook, subject, heir), ReassignRequest.Parse(text));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("María Núñez")]
    [InlineData("to Luis")]
    [InlineData("María to ")]
    [InlineData("all from  to Luis")]
    public void Parse_WithoutBothSides_IsNull(string? text) => Assert.Null(ReassignRequest.Parse(text));
}
