using ChatCrm.Domain.Common;
using ChatCrm.Domain.Kpis;
using ChatCrm.Domain.Users;

namespace ChatCrm.Bot.Features.Digests;

/// <summary>Which of a team's charts a picture is.</summary>
public enum ChartKind
{
    /// <summary>The team's interactions week by week.</summary>
    Trend = 1,

    /// <summary>The team's interactions in the period, one bar per rep.</summary>
    ByRep = 2,

    /// <summary>The team's interactions in the period, one bar per channel.</summary>
    ByChannel = 3,
}

/// <summary>
/// What a chart's signed address names: the chart, whose team (the manager: the same need-to-know scope as the text
/// KPIs), the period, the words' language and time zone, and until when the address works. No customer is named.
/// </summary>
public sealed record ChartRequest(ChartKind Kind, UserId ManagerId, KpiPeriod Period, LanguageCode Language, string TimeZoneId, DateTimeOffset ExpiresAt);

/// <summary>What a token turned out to be.</summary>
public enum ChartLinkState
{
    /// <summary>Issued by us, unaltered, and still working.</summary>
    Valid = 1,

    /// <summary>Not one we issued, or altered.</summary>
    Unknown = 2,

    /// <summary>One we issued whose time is up.</summary>
    Expired = 3,
}
