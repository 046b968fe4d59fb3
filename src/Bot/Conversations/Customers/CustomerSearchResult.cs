using ChatCrm.Domain.Customers;
using ChatCrm.Domain.Customers.Identification;

namespace ChatCrm.Bot.Conversations.Customers;

/// <summary>
/// The answer to "which customer?": exactly one, a short list to choose from (never a silent guess),
/// or none.
/// </summary>
public abstract record CustomerSearchResult
{
    private CustomerSearchResult()
    {
    }

    public sealed record Found(Customer Customer) : CustomerSearchResult;

    /// <param name="Candidates">Best first, each with its confidence and the reasons for it.</param>
    /// <param name="MoreExist">True when more customers matched than the list shows.</param>
    public sealed record Ambiguous(IReadOnlyList<ScoredCustomer> Candidates, bool MoreExist) : CustomerSearchResult;

    public sealed record NotFound(string Query) : CustomerSearchResult;

    public sealed record Invalid(string Problem) : CustomerSearchResult;
}
