using ChatCrm.Domain.Common;
using ChatCrm.Domain.Consents;

namespace ChatCrm.Domain.Offers;

/// <summary>A catalog entry a rep can suggest: a product (by code) in a category, for a consent purpose.</summary>
public sealed class Offer
{
    private Offer()
    {
        ProductCode = string.Empty;
        Name = string.Empty;
        Category = string.Empty;
        Pitch = string.Empty;
    }

    public Offer(OfferId id, string productCode, string name, string category, ConsentPurpose purpose, string pitch)
    {
        Id = id;
        ProductCode = Guard.RequiredText(productCode, "product code", 40).ToUpperInvariant();
        Name = Guard.RequiredText(name, "offer name", 120);
        Category = Guard.RequiredText(category, "category", 60);
        Purpose = purpose;
        Pitch = Guard.RequiredText(pitch, "pitch", 500);
        IsActive = true;
    }

    public OfferId Id { get; private set; }

    public string ProductCode { get; private set; }

    public string Name { get; private set; }

    public string Category { get; private set; }

    /// <summary>What the customer must have agreed to before hearing this offer (Marketing for most).</summary>
    public ConsentPurpose Purpose { get; private set; }

    /// <summary>One or two sentences the rep can say.</summary>
    public string Pitch { get; private set; }

    public bool IsActive { get; private set; }

    public void Retire() => IsActive = false;
}
