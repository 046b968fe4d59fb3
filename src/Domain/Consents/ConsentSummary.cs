namespace ChatCrm.Domain.Consents;

/// <summary>Where a customer stands for one purpose on one channel: the decision and the record behind it, if any.</summary>
public sealed record ConsentStanding(ConsentPurpose Purpose, ContactChannel Channel, ConsentDecision Decision, ConsentRecord? Latest);

/// <summary>
/// A customer's privacy preferences as they stand now: every purpose on every channel, each with the
/// decision the consent rule would give a plain outreach (no partner incentive) and why. This is what the
/// profile card's privacy section and the data export show, so a rep and the customer see the same answer
/// the offers get.
/// </summary>
public sealed record ConsentSummary(CountryConsentPolicy Policy, IReadOnlyList<ConsentStanding> Standings)
{
    public static ConsentSummary Of(ConsentSubject subject)
    {
        ArgumentNullException.ThrowIfNull(subject);
        var standings = new List<ConsentStanding>();
        foreach (var purpose in Enum.GetValues<ConsentPurpose>())
        {
            foreach (var channel in Enum.GetValues<ContactChannel>())
            {
                var decision = ConsentRules.Evaluate(subject, new Outreach(purpose, channel));
                standings.Add(new ConsentStanding(purpose, channel, decision, ConsentRules.Latest(subject.History, purpose, channel)));
            }
        }
        return new ConsentSummary(subject.Policy, standings);
    }

    public IEnumerable<ConsentStanding> For(ConsentPurpose purpose) => Standings.Where(s => s.Purpose == purpose);
}
