namespace ChatCrm.Infrastructure.Intake;

/// <summary>What is wrong with one field of a record taken in: the field's name (as the API and the import's columns name it) and why.</summary>
public sealed record FieldError(string Field, string Message)
{
    /// <summary>The customer that already holds the handle the field gave (the error is a clash, not a typo); null otherwise.</summary>
    public ChatCrm.Domain.Customers.CustomerId? HeldBy { get; init; }

    public override string ToString() => $"{Field}: {Message}";
}
