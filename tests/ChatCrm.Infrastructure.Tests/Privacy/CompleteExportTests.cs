using ChatCrm.Infrastructure.Privacy;
using ChatCrm.Infrastructure.Tests.Persistence;

namespace ChatCrm.Infrastructure.Tests.Privacy;

/// <summary>
/// The export holds everything (ADR 0003): the support case with its history, the offer shown with its answer, the
/// queued suggestion, and who looked at the record (staff by display name).
/// </summary>
public abstract class CompleteExportTests(DatabaseFixture db)
{
    [Fact]
    public async Task Build_MarkedCustomer_HoldsCasesOffersSuggestionsAndViews()
    {
        var marked = await MarkedCustomer.StoreAsync(db);

        await using var read = db.CreateContext();
        var export = await new CustomerDataExport(read).BuildAsync(marked.Customer.Id, MarkedCustomer.At.AddDays(1), CancellationToken.None);

        var supportCase = Assert.Single(export!["supportCases"]!.AsArray())!;
        Assert.Equal(marked.Case.Number, (string?)supportCase["number"]);
        Assert.Contains(marked.Marker, (string?)supportCase["title"], StringComparison.Ordinal);
        var history = supportCase["history"]!.AsArray();
        Assert.Equal(marked.Case.History.Count, history.Count);
        Assert.Contains(history, h => (string?)h!["change"] == "Note" && ((string?)h["to"])!.Contains(marked.Marker, StringComparison.Ordinal));

        var offer = Assert.Single(export["offersShown"]!.AsArray())!;
        Assert.Equal(marked.Presentation.Id.Value, (Guid?)offer["id"]);
        Assert.Equal("Accepted", (string?)offer["response"]);
        Assert.Equal(marked.Rep.DisplayName, (string?)offer["shownTo"]);
        var answer = Assert.Single(offer["answers"]!.AsArray())!;
        Assert.Equal("Accepted", (string?)answer["response"]);

        var suggestion = Assert.Single(export["queuedSuggestions"]!.AsArray())!;
        Assert.Contains(marked.Marker, (string?)suggestion["reason"], StringComparison.Ordinal);

        Assert.Contains(export["accessLog"]!.AsArray(), a => (string?)a!["action"] == "ViewedCustomer" && (string?)a["by"] == marked.Rep.DisplayName);
    }
}

public sealed class SqliteCompleteExportTests(SqliteFixture db) : CompleteExportTests(db), IClassFixture<SqliteFixture>;

public sealed class PostgresCompleteExportTests(PostgresFixture db) : CompleteExportTests(db), IClassFixture<PostgresFixture>;
