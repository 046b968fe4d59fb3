using ChatCrm.Domain.Cases;
using Microsoft.Extensions.Options;

namespace ChatCrm.Bot.Features.Cases;

/// <summary>
/// The <c>Cases</c> section. <c>Cases:Sla:&lt;Tier&gt;:&lt;Priority&gt;</c> sets the business hours to resolve for one cell of
/// the SLA table (e.g. <c>Cases__Sla__Gold__Urgent=3</c>), <c>Cases:FirstResponse:&lt;Tier&gt;:&lt;Priority&gt;</c> the business
/// hours to the first response; cells not set keep <see cref="SlaTable.Default"/> and <see cref="SlaTable.DefaultFirstResponse"/>.
/// </summary>
public sealed class CaseOptions
{
    public const string SectionName = "Cases";

    public Dictionary<string, Dictionary<string, double>> Sla { get; init; } = new(StringComparer.OrdinalIgnoreCase);

    public Dictionary<string, Dictionary<string, double>> FirstResponse { get; init; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The table these settings make, or every problem with them.</summary>
    public SlaTableReading ReadSla() => SlaTableSettings.Read(Cells(Sla), Cells(FirstResponse));

    private static Dictionary<string, IReadOnlyDictionary<string, double>> Cells(Dictionary<string, Dictionary<string, double>> hours) =>
        hours.ToDictionary(t => t.Key, t => (IReadOnlyDictionary<string, double>)t.Value, StringComparer.OrdinalIgnoreCase);
}

/// <summary>Refuses to start with an SLA table that cannot be read, naming every wrong setting.</summary>
internal sealed class CaseOptionsValidation : IValidateOptions<CaseOptions>
{
    public ValidateOptionsResult Validate(string? name, CaseOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var reading = options.ReadSla();
        return reading.Table is not null ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(reading.Problems);
    }
}
