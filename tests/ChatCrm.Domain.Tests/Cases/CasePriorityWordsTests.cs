using ChatCrm.Domain.Cases;

namespace ChatCrm.Domain.Tests.Cases;

public sealed class CasePriorityWordsTests
{
    [Theory]
    [InlineData("URGENT: printer down", CasePriority.Urgent)]
    [InlineData("Impresora caída, urgente", CasePriority.Urgent)]
    [InlineData("Login fails, high priority", CasePriority.High)]
    [InlineData("Factura duplicada (prioridad alta)", CasePriority.High)]
    [InlineData("Low priority: change invoice address", CasePriority.Low)]
    [InlineData("Cambio de dirección, baja prioridad", CasePriority.Low)]
    public void FromTitle_PriorityWords_SetThePriorityAndSayWhich(string title, CasePriority expected)
    {
        var decision = CasePriorityWords.FromTitle(title);

        Assert.Equal(expected, decision.Priority);
        Assert.StartsWith("the title says", decision.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("High CPU on the server")]
    [InlineData("Printer offline")]
    [InlineData("")]
    public void FromTitle_NoPriorityWords_IsNormal(string title)
    {
        var decision = CasePriorityWords.FromTitle(title);

        Assert.Equal((CasePriority.Normal, "no priority word in the title"), (decision.Priority, decision.Reason));
    }
}
