namespace ChatCrm.Infrastructure.Consents;

/// <summary>The consent policy file cannot be used; the message names the file and every faulty entry.</summary>
public sealed class ConsentPolicyException : Exception
{
    public ConsentPolicyException()
    {
    }

    public ConsentPolicyException(string message)
        : base(message)
    {
    }

    public ConsentPolicyException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
