using System.Globalization;
using ChatCrm.Domain.Common;
using ChatCrm.Domain.Tiers;

namespace ChatCrm.Domain.Offers;

/// <summary>The words the offer rules explain themselves with, in English and Spanish.</summary>
public static class OfferWording
{
    public static LocalizedText Tier(ValueTier tier) => tier switch
    {
        ValueTier.Platinum => new("Platinum", "Platino"),
        ValueTier.Gold => new("Gold", "Oro"),
        ValueTier.Silver => new("Silver", "Plata"),
        _ => new("Bronze", "Bronce"),
    };

    public static LocalizedText Response(OfferResponse response) => response switch
    {
        OfferResponse.Accepted => new("accepted", "aceptada"),
        OfferResponse.NotNow => new("not now", "ahora no"),
        _ => new("declined", "rechazada"),
    };

    public static LocalizedText TierReason(ValueTier tier)
    {
        var name = Tier(tier);
        return new($"{name.English} tier", $"nivel {name.Spanish}");
    }

    public static LocalizedText Buys(string category) => new($"already buys {category}", $"ya compra {category}");

    public static LocalizedText NewCategory(string category) => new($"new category for this customer: {category}", $"categoría nueva para este cliente: {category}");

    /// <summary>"30% of similar customers accepted": the share among customers of the same tier who were made the offer.</summary>
    public static LocalizedText SimilarAccepted(double share)
    {
        var percent = Math.Round(share * 100).ToString("0", CultureInfo.InvariantCulture);
        return new($"{percent}% of similar customers accepted", $"el {percent} % de clientes parecidos aceptó");
    }

    internal static string Date(DateTimeOffset moment) => moment.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
