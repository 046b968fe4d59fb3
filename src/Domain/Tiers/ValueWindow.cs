namespace ChatCrm.Domain.Tiers;

/// <summary>
/// The period a customer's value is measured over: the trailing twelve months up to now, both ends included.
/// Orders dated after now (clock skew, bad imports) are not counted yet.
/// </summary>
public readonly record struct ValueWindow(DateTimeOffset Since, DateTimeOffset Until)
{
    public static ValueWindow TrailingYear(DateTimeOffset now)
    {
        var utc = now.ToUniversalTime();
        return new ValueWindow(utc.AddMonths(-12), utc);
    }

    public bool Contains(DateTimeOffset moment) => moment >= Since && moment <= Until;
}
