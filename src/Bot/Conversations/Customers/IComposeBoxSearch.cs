using ChatCrm.Bot.Cards;
using ChatCrm.Domain.Customers;

namespace ChatCrm.Bot.Conversations.Customers;

/// <summary>One customer found from the compose box: the card to insert and the one-line preview of the result list.</summary>
public sealed record CustomerSearchHit(Card Card, string PreviewTitle, string? PreviewText);

/// <summary>What a compose-box search answers: the hits (possibly none), or a sentence instead (no access, a bad query).</summary>
public sealed record CustomerSearchAnswer(IReadOnlyList<CustomerSearchHit> Hits, string? Message);

/// <summary>
/// Finding customers from a chat tool's compose box (Teams' message extension), answered by the Customers feature under
/// need-to-know and audit; the channel adapter only turns the answer into its protocol.
/// </summary>
public interface IComposeBoxSearch
{
    Task<CustomerSearchAnswer> SearchAsync(IncomingTurn turn, string? query, CancellationToken cancellationToken);

    /// <summary>One customer's card by id (a link unfurled in the compose box).</summary>
    Task<CustomerSearchAnswer> ShowAsync(IncomingTurn turn, CustomerId id, CancellationToken cancellationToken);
}
