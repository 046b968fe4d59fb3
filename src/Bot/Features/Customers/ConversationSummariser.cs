using System.Globalization;
using System.Text;
using ChatCrm.Bot.Cards;
using ChatCrm.Domain.Common;
using ChatCrm.Domain.Interactions;
using ChatCrm.Domain.Interactions.Summaries;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;

namespace ChatCrm.Bot.Features.Customers;

/// <summary>Who wrote a summary: the deterministic extractive summariser, or a configured chat model.</summary>
public enum SummaryAuthor
{
    Extractive,
    ChatModel,
}

/// <summary>A summary of the last few contacts: sentences newest first, and who wrote them.</summary>
public sealed record ConversationSummary(SummaryAuthor Author, IReadOnlyList<string> Lines)
{
    public bool IsEmpty => Lines.Count == 0;
}

/// <summary>
/// Summarises a customer's last few contacts. The extractive summariser (<see cref="ExtractiveSummariser"/>, in the
/// domain) is the default and the fallback: it needs no network and cannot invent anything. When the host registers
/// an <see cref="IChatClient"/>, that model is asked first; no client, an error, an empty answer or a slow one (see
/// <see cref="SummaryOptions.ChatClientTimeout"/>) falls back silently, so the card always has a summary. Only the
/// failure's type is logged, never the notes or the model's answer.
/// </summary>
public sealed partial class ConversationSummariser(
    IOptions<SummaryOptions> options, ILogger<ConversationSummariser> logger, IChatClient? chatClient = null)
{
    /// <param name="zone">The reader's zone: each line's day is the day in it.</param>
    public async Task<ConversationSummary> SummariseAsync(IReadOnlyList<Interaction> newestFirst, LanguageCode language, TimeZoneInfo zone,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(newestFirst);
        var readable = newestFirst.Where(i => i.Summary != Interaction.ErasedText).Take(ExtractiveSummariser.ContactsRead).ToList();
        if (chatClient is not null && readable.Count > 0 && await AskModelAsync(chatClient, readable, language, zone, cancellationToken) is { } written)
            return written;
        var lines = ExtractiveSummariser.Summarise(readable)
            .Select(l => $"{Dates.Day(l.OccurredAt, zone)} · {l.Sentence}")
            .ToList();
        return new ConversationSummary(SummaryAuthor.Extractive, lines);
    }

    private async Task<ConversationSummary?> AskModelAsync(IChatClient client, IReadOnlyList<Interaction> contacts, LanguageCode language, TimeZoneInfo zone,
        CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(options.Value.ChatClientTimeout);
        try
        {
            var response = await client.GetResponseAsync(Prompt(contacts, language, zone), new ChatOptions { Temperature = 0 }, deadline.Token);
            var lines = (response.Text ?? string.Empty)
                .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(l => l.TrimStart('-', '*', '•', ' '))
                .Where(l => l.Length > 0)
                .Take(ExtractiveSummariser.SentencesKept)
                .ToList();
            if (lines.Count > 0)
                return new ConversationSummary(SummaryAuthor.ChatModel, lines);
            LogModelFellBack(logger, "EmptyAnswer");
            return null;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            LogModelFellBack(logger, "Timeout");
            return null;
        }
        catch (Exception failure) when (failure is not OperationCanceledException)
        {
            LogModelFellBack(logger, failure.GetType().Name);
            return null;
        }
    }

    private static List<ChatMessage> Prompt(IReadOnlyList<Interaction> contacts, LanguageCode language, TimeZoneInfo zone)
    {
        var notes = new StringBuilder();
        foreach (var contact in contacts)
        {
            notes.Append(CultureInfo.InvariantCulture, $"{Dates.Day(contact.OccurredAt, zone)} {contact.Kind} on {contact.Channel}: {contact.Summary}");
            if (contact.Outcome is { } outcome)
                notes.Append(CultureInfo.InvariantCulture, $" Outcome: {outcome}");
            notes.Append('\n');
        }
        var instruction = language.Pick(
            "You brief a sales rep before they speak to a customer. From the notes below, write at most three short lines in English, newest first, each starting with its date (yyyy-MM-dd). Say only what the notes say: requests, promises, problems and where things were left.",
            "Preparas a un comercial antes de hablar con un cliente. Con las notas siguientes, escribe como mucho tres líneas breves en español, de la más reciente a la más antigua, cada una empezando por su fecha (yyyy-MM-dd). Di solo lo que dicen las notas: peticiones, compromisos, problemas y en qué quedó.");
        return [new ChatMessage(ChatRole.System, instruction), new ChatMessage(ChatRole.User, notes.ToString())];
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The chat model did not write the summary ({Reason}); the extractive summary was used")]
    private static partial void LogModelFellBack(ILogger logger, string reason);
}
