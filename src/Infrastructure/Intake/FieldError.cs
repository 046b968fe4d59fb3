namespace ChatCrm.Infrastructure.Intake;

/// <summary>What is wrong with one field of a record taken in: the field's name (as the API and the import's columns name it) and why.</summary>
public sealed record FieldError(string Field, string Message)
{
    public override string ToString() => $"{Field}: {Message}";
}
