using System.Globalization;

namespace ChatCrm.Domain.Customers.Identification;

/// <summary>
/// A customer weighed against a query: how well it matches (<see cref="Confidence"/>, 0 to 1) and why, in
/// words a person can check ("e-mail matches", "name ≈ nunes (1 typo)", "company matches").
/// </summary>
public sealed record ScoredCustomer(Customer Customer, double Confidence, IReadOnlyList<string> Reasons)
{
    /// <summary>True when a handle of the customer (e-mail, phone, id) is in the query: that is the customer, whatever the words say.</summary>
    public bool ByHandle { get; init; }

    /// <summary>The confidence as a whole percentage, rounded down so that only a full match shows 100%.</summary>
    public int Percent => (int)Math.Floor((Confidence * 100) + 1e-9);

    /// <summary>"92% — name ≈ nunes (1 typo), company matches".</summary>
    public string Explain() => string.Create(CultureInfo.InvariantCulture, $"{Percent}% — {string.Join(", ", Reasons)}");
}
