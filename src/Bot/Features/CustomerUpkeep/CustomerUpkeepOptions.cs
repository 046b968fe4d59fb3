using System.ComponentModel.DataAnnotations;
using ChatCrm.Domain.Access;

namespace ChatCrm.Bot.Features.CustomerUpkeep;

/// <summary>
/// The <c>CustomerUpkeep</c> section: who owns a customer a support agent adds in chat (agents do not choose; reps and
/// managers do, within need-to-know). <see cref="SupportOwnerRule.Unowned"/> by default: the record waits for a manager
/// to hand it to a rep, and support serves it meanwhile. <see cref="SupportOwnerRule.Designated"/> needs
/// <see cref="DesignatedOwner"/>, the work e-mail of the user who takes them (an inbound sales desk).
/// </summary>
public sealed class CustomerUpkeepOptions : IValidatableObject
{
    public const string SectionName = "CustomerUpkeep";

    public SupportOwnerRule SupportAgentOwner { get; set; } = SupportOwnerRule.Unowned;

    [EmailAddress]
    public string? DesignatedOwner { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (SupportAgentOwner == SupportOwnerRule.Designated && string.IsNullOrWhiteSpace(DesignatedOwner))
            yield return new ValidationResult("CustomerUpkeep:DesignatedOwner (a work e-mail) is required when SupportAgentOwner is Designated.",
                [nameof(DesignatedOwner)]);
    }
}
