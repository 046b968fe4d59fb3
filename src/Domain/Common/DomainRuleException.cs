namespace ChatCrm.Domain.Common;

/// <summary>
/// Raised when a caller asks an aggregate to break one of its rules. The message is written
/// for the person who typed the input, so a conversation can show it as it is.
/// </summary>
public sealed class DomainRuleException : Exception
{
    public DomainRuleException(string message) : base(message)
    {
    }

    public DomainRuleException()
    {
    }

    public DomainRuleException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
