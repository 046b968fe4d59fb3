using ChatCrm.Infrastructure.Intake;

namespace ChatCrm.Infrastructure.Import;

/// <summary>
/// Turns a batch of records of one kind into the write service's input and stages it. Each record's values are read
/// first (numbers, dates, yes/no); a record whose values cannot be read is rejected with those reasons and never
/// reaches the service; the others are staged in one call, so the service reads what it needs once per batch.
/// </summary>
internal abstract class ImportTarget<TIntake> : IImportTarget where TIntake : class
{
    public abstract string KeyField { get; }

    public abstract string? KeyOf(ImportRecord record);

    public async Task<IReadOnlyList<IntakeResult>> StageAsync(IReadOnlyList<ImportRecord> records, bool historical, CancellationToken ct)
    {
        var results = new IntakeResult[records.Count];
        var readable = new List<(int Index, TIntake Intake)>();
        for (var i = 0; i < records.Count; i++)
        {
            var checks = new FieldChecks();
            var intake = Map(records[i], checks);
            if (checks.HasErrors)
                results[i] = IntakeResult.Rejected(checks.Errors);
            else
                readable.Add((i, intake));
        }
        if (readable.Count > 0)
        {
            var staged = await StageAsync([.. readable.Select(r => r.Intake)], historical, ct);
            for (var j = 0; j < readable.Count; j++)
                results[readable[j].Index] = staged[j];
        }
        return results;
    }

    /// <summary>The record as the service's input; values that cannot be read are recorded in <paramref name="checks"/>.</summary>
    protected abstract TIntake Map(ImportRecord record, FieldChecks checks);

    protected abstract Task<IReadOnlyList<IntakeResult>> StageAsync(IReadOnlyList<TIntake> intakes, bool historical, CancellationToken ct);

    /// <summary>An external id as it is stored, for spotting the same id twice in a file; null when it is not one.</summary>
    protected static string? NormalizedExternalId(string? value)
    {
        var checks = new FieldChecks();
        return string.IsNullOrWhiteSpace(value) ? null : ExternalIdText.Check(checks, "externalId", value);
    }

    protected static decimal Amount(ImportRecord record, FieldChecks checks, string field)
    {
        var text = record[field];
        if (string.IsNullOrWhiteSpace(text))
            checks.Add(field, "is required");
        else if (ImportValues.Amount(text) is { } amount)
            return amount;
        else
            checks.Add(field, $"'{FieldChecks.Cut(text.Trim())}' is not a number");
        return 0m;
    }

    protected static DateTimeOffset Date(ImportRecord record, FieldChecks checks, string field)
    {
        var text = record[field];
        if (string.IsNullOrWhiteSpace(text))
            checks.Add(field, "is required");
        else if (ImportValues.Date(text) is { } date)
            return date;
        else
            checks.Add(field, $"'{FieldChecks.Cut(text.Trim())}' is not a date (write 2025-03-14 or 14/03/2025)");
        return default;
    }
}

/// <summary>What the import runner needs of a target, whatever its kind.</summary>
internal interface IImportTarget
{
    /// <summary>The field that identifies a record, which may appear once per file.</summary>
    string KeyField { get; }

    string? KeyOf(ImportRecord record);

    Task<IReadOnlyList<IntakeResult>> StageAsync(IReadOnlyList<ImportRecord> records, bool historical, CancellationToken ct);
}
