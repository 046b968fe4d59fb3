using ChatCrm.Domain.Kpis;

namespace ChatCrm.Bot.Features.Digests;

/// <summary>One manager's digest for one period: the team's KPIs, addressed to the manager.</summary>
public sealed record DigestContent(string ManagerName, TeamKpis Kpis)
{
    /// <summary>The chart pictures the card carries (none where clients cannot fetch them).</summary>
    public IReadOnlyList<Cards.CardBlock> Charts { get; init; } = [];

    /// <summary>Every customer the digest names (each is audited as listed).</summary>
    public IEnumerable<Domain.Customers.CustomerId> CustomersListed => Kpis.CustomersNamed;
}
