using ChatCrm.Infrastructure.Intake;

namespace ChatCrm.Infrastructure.Import;

/// <summary>
/// Turns a batch of records of one kind into the write service's input and stages it, in two steps. <see cref="Check"/>
/// needs no database: each record's values are read (numbers, dates, yes/no) and the service checks what it can
/// alone (<see cref="CheckIntakes"/>), so the import runs it for the next batch on another core while this one is
/// written. A record whose values cannot be read is rejected with those reasons and never reaches the service.
/// <see cref="StageAsync(CheckedRecords, bool, CancellationToken)"/> then stages the others in one call, so the
/// service reads what it needs once per batch.
/// </summary>
internal abstract class ImportTarget<TIntake, TChecked> : IImportTarget where TIntake : class
{
    public abstract string KeyField { get; }

    public abstract string? KeyOf(ImportRecord record);

    public CheckedRecords Check(IReadOnlyList<ImportRecord> records)
    {
        var results = new IntakeResult[records.Count];
        var indexes = new List<int>(records.Count);
        var intakes = new List<TIntake>(records.Count);
        for (var i = 0; i < records.Count; i++)
        {
            var checks = new FieldChecks();
            var intake = Map(records[i], checks);
            if (checks.HasErrors)
            {
                results[i] = IntakeResult.Rejected(checks.Errors);
                continue;
            }
            indexes.Add(i);
            intakes.Add(intake);
        }
        return new Checked(results, indexes, intakes.Count > 0 ? CheckIntakes(intakes) : default);
    }

    public async Task<IReadOnlyList<IntakeResult>> StageAsync(CheckedRecords records, bool historical, CancellationToken ct)
    {
        var batch = (Checked)records;
        if (batch.Indexes.Count > 0)
        {
            var staged = await StageAsync(batch.Intakes!, historical, ct);
            for (var j = 0; j < batch.Indexes.Count; j++)
                batch.Results[batch.Indexes[j]] = staged[j];
        }
        return batch.Results;
    }

    /// <summary>The record as the service's input; values that cannot be read are recorded in <paramref name="checks"/>.</summary>
    protected abstract TIntake Map(ImportRecord record, FieldChecks checks);

    /// <summary>What the service can check of the readable records without the database; must not touch the context.</summary>
    protected abstract TChecked CheckIntakes(IReadOnlyList<TIntake> intakes);

    /// <summary>One result per checked intake, in order.</summary>
    protected abstract Task<IReadOnlyList<IntakeResult>> StageAsync(TChecked intakes, bool historical, CancellationToken ct);

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

    /// <summary>The records of a batch once checked: the results of those rejected already, and the rest for the service.</summary>
    private sealed class Checked(IntakeResult[] results, IReadOnlyList<int> indexes, TChecked? intakes) : CheckedRecords
    {
        public IntakeResult[] Results { get; } = results;

        public IReadOnlyList<int> Indexes { get; } = indexes;

        public TChecked? Intakes { get; } = intakes;
    }
}

/// <summary>A target whose service checks everything when it stages: the intakes go to it as they are.</summary>
internal abstract class ImportTarget<TIntake> : ImportTarget<TIntake, IReadOnlyList<TIntake>> where TIntake : class
{
    protected override IReadOnlyList<TIntake> CheckIntakes(IReadOnlyList<TIntake> intakes) => intakes;
}

/// <summary>What the import runner needs of a target, whatever its kind.</summary>
internal interface IImportTarget
{
    /// <summary>The field that identifies a record, which may appear once per file.</summary>
    string KeyField { get; }

    string? KeyOf(ImportRecord record);

    /// <summary>Reads and checks what needs no database; thread-safe, so it may run while another batch is staged.</summary>
    CheckedRecords Check(IReadOnlyList<ImportRecord> records);

    /// <summary>One result per record given to <see cref="Check"/>, in order; changes are staged in the context.</summary>
    Task<IReadOnlyList<IntakeResult>> StageAsync(CheckedRecords records, bool historical, CancellationToken ct);
}

/// <summary>A batch of records as <see cref="IImportTarget.Check"/> left it for <see cref="IImportTarget.StageAsync"/>.</summary>
internal abstract class CheckedRecords;
