using System.Globalization;
using Bogus;
using ChatCrm.Domain.Common;
using ChatCrm.Domain.Customers;
using ChatCrm.Domain.Interactions;
using ChatCrm.Domain.Users;

namespace ChatCrm.Infrastructure.Seeding;

/// <summary>
/// A customer's contact history since they became a customer (up to two years): about eight interactions,
/// in office hours of the customer's country, over every kind and channel, mostly logged by the account
/// owner, sometimes by support or a manager. Some ask for a follow-up: older ones are overdue now, and the
/// latest contact often has one coming up.
/// </summary>
internal sealed class InteractionHistoryGenerator
{
    /// <summary>The most interactions one customer gets, as a multiple of the mean (40 at the default eight).</summary>
    private const int MaxPerMean = 5;

    private static readonly WeightedChoice<InteractionKind> Kinds = new(
    [
        (InteractionKind.Call, 28), (InteractionKind.Email, 28), (InteractionKind.Chat, 18),
        (InteractionKind.Meeting, 14), (InteractionKind.Visit, 12),
    ]);

    private static readonly Dictionary<InteractionKind, WeightedChoice<InteractionChannel>> ChannelsByKind = new()
    {
        [InteractionKind.Call] = new([(InteractionChannel.Phone, 85), (InteractionChannel.Teams, 15)]),
        [InteractionKind.Visit] = new([(InteractionChannel.Visit, 70), (InteractionChannel.Store, 30)]),
        [InteractionKind.Meeting] = new([(InteractionChannel.Meeting, 55), (InteractionChannel.Teams, 45)]),
        [InteractionKind.Email] = new([(InteractionChannel.Email, 88), (InteractionChannel.Web, 12)]),
        [InteractionKind.Chat] = new([(InteractionChannel.Teams, 35), (InteractionChannel.Slack, 25), (InteractionChannel.Web, 40)]),
    };

    private readonly Randomizer _random;
    private readonly DemoCast _cast;
    private readonly DateTimeOffset _now;
    private readonly DateOnly _today;

    public InteractionHistoryGenerator(Randomizer random, DemoCast cast, DateTimeOffset now)
    {
        _random = random;
        _cast = cast;
        _now = now;
        _today = DateOnly.FromDateTime(now.UtcDateTime);
    }

    /// <summary>The mean number of interactions per customer, the first contact included (at least one).</summary>
    public double MeanPerCustomer { get; set; } = SeedRequest.DefaultInteractionsPerCustomer;

    public void AddHistory(Customer customer, DemoCountry country, User owner, List<Interaction> into)
    {
        var count = (int)Math.Min(MaxPerMean * MeanPerCustomer, 1 + _random.Geometric(MeanPerCustomer - 1.0));
        var moments = new DateTimeOffset[count];
        for (var i = 0; i < count; i++)
            moments[i] = DuringOfficeHours(_random.Between(customer.CreatedAt, _now), country, customer.CreatedAt);
        Array.Sort(moments);

        var spanish = customer.PreferredLanguage == LanguageCode.Spanish;
        for (var i = 0; i < count; i++)
        {
            var kind = Kinds.Pick(_random);
            var channel = ChannelsByKind[kind].Pick(_random);
            var author = AuthorOf(kind, owner, country, spanish);
            var offer = _cast.Offers[_random.Number(_cast.Offers.Count - 1)].Offer;
            var summary = string.Format(CultureInfo.InvariantCulture,
                PickFrom(InteractionStories.SummariesFor(kind, channel, spanish)), offer.Name);
            var outcome = _random.Bool(0.75f) ? PickFrom(InteractionStories.Outcomes(spanish)) : null;
            var occurredAt = moments[i];
            var loggedAt = Min(occurredAt + TimeSpan.FromMinutes(_random.Number(2, 360)), _now);
            var followUp = FollowUp(occurredAt, isLatest: i == count - 1);
            into.Add(Interaction.Log(customer.Id, author.Id, occurredAt, loggedAt, channel, kind, summary, outcome, followUp));
        }
    }

    private User AuthorOf(InteractionKind kind, User owner, DemoCountry country, bool spanish)
    {
        var supportShare = kind switch
        {
            InteractionKind.Chat or InteractionKind.Email => 0.35f,
            InteractionKind.Call => 0.25f,
            _ => 0f,
        };
        if (_random.Bool(supportShare))
            return PickFrom(_cast.SupportFor(spanish));
        if (kind == InteractionKind.Meeting && _random.Bool(0.15f))
            return _cast.ManagerOf(owner);
        return _random.Bool(0.85f) ? owner : PickFrom(_cast.RepsFor(country));
    }

    /// <summary>Most contacts need none; the latest one often has a follow-up, some already overdue, most still to come.</summary>
    private DateOnly? FollowUp(DateTimeOffset occurredAt, bool isLatest)
    {
        var occurredOn = DateOnly.FromDateTime(occurredAt.UtcDateTime);
        if (isLatest && _random.Bool(0.4f))
        {
            var due = _today.AddDays(_random.Number(-10, 30));
            return due < occurredOn ? occurredOn : due;
        }
        return _random.Bool(0.12f) ? occurredOn.AddDays(_random.Number(1, 14)) : null;
    }

    /// <summary>Moves a moment to a working hour (08:30–19:00 local) of the same local day, never before <paramref name="notBefore"/> nor after now.</summary>
    private DateTimeOffset DuringOfficeHours(DateTimeOffset moment, DemoCountry country, DateTimeOffset notBefore)
    {
        var offset = TimeSpan.FromHours(country.UtcOffsetHours);
        var localDay = moment.ToOffset(offset).Date;
        var local = new DateTimeOffset(localDay, offset) + TimeSpan.FromMinutes(_random.Number(8 * 60 + 30, 19 * 60));
        var utc = local.ToUniversalTime();
        if (utc > _now)
            utc = _now - TimeSpan.FromMinutes(_random.Number(1, 90));
        return utc < notBefore ? notBefore : utc;
    }

    private T PickFrom<T>(IReadOnlyList<T> items) => items[_random.Number(items.Count - 1)];

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;
}
