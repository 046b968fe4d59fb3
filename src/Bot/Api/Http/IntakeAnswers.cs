using ChatCrm.Bot.Api.Auth;
using ChatCrm.Infrastructure.Intake;
using ChatCrm.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Bot.Api.Http;

/// <summary>How the intake services' answers and the final save become HTTP answers.</summary>
public static class IntakeAnswers
{
    /// <summary>400 with every error under its field's name.</summary>
    public static IResult Rejected(IntakeResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return ApiProblems.Invalid(result.Errors
            .GroupBy(e => e.Field, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray(), StringComparer.Ordinal));
    }

    /// <summary>
    /// Saves the request's one unit of work; null when it was saved, else the answer: 412 when the record changed
    /// meanwhile (its version no longer matched), 409 when another request stored the same key at the same moment.
    /// </summary>
    public static async Task<IResult?> SaveAsync(CrmDbContext db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        try
        {
            await db.SaveChangesAsync(ct);
            return null;
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return ApiProblems.PreconditionFailed();
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return ApiProblems.Conflict("Another request stored a record with the same id or handle at the same moment; read it and retry.");
        }
    }

    /// <summary>The record for a reader; only the id and outcome for a client that may write but not read.</summary>
    public static object Body<T>(ApiClient client, Guid id, IntakeOutcome outcome, Func<T> record) where T : class
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(record);
        return client.CanRead ? record() : new Customers.WriteReceipt(id, outcome.ToString());
    }
}
