using System.Globalization;
using ChatCrm.Bot.Conversations.Customers;
using ChatCrm.Domain.Access;
using ChatCrm.Domain.Common;
using ChatCrm.Domain.Customers;
using ChatCrm.Domain.Interactions;
using ChatCrm.Domain.Users;

namespace ChatCrm.Bot.Conversations.Dialogs;

/// <summary>
/// The "log" dialog as one form (a Slack modal): the field names, shared by the form's renderer and its
/// validation, so an error lands on the field that caused it.
/// </summary>
public static class LogForm
{
    public const string Customer = "customer";
    public const string Kind = "kind";
    public const string Summary = "summary";
    public const string Outcome = "outcome";
    public const string FollowUp = "followUp";

    /// <summary>The verb of an already validated form handed to the <see cref="ConversationEngine"/> to store.</summary>
    public const string SubmitVerb = "logForm";

    /// <summary>The values of a valid entry as a card action carries them (customer id, ISO follow-up date).</summary>
    public static IReadOnlyDictionary<string, string> ToValues(LogFormEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [Customer] = entry.CustomerId.Value.ToString(),
            [Kind] = entry.Kind.ToString(),
            [Summary] = entry.Summary,
        };
        if (entry.Outcome is { } outcome)
            values[Outcome] = outcome;
        if (entry.FollowUp is { } followUp)
            values[FollowUp] = followUp.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return values;
    }
}

/// <summary>What a person typed into the log form, field by field, unchecked.</summary>
public sealed record LogFormInput(string? Customer, string? Kind, string? Summary, string? Outcome, string? FollowUp);

/// <summary>A form that passed every check: the interaction can be logged as it stands.</summary>
public sealed record LogFormEntry(CustomerId CustomerId, InteractionKind Kind, string Summary, string? Outcome, DateOnly? FollowUp);

/// <summary>Either a valid entry, or one message per field that is wrong (keyed by the <see cref="LogForm"/> field names).</summary>
public sealed record LogFormDecision(LogFormEntry? Entry, IReadOnlyDictionary<string, string> Errors)
{
    public bool IsValid => Entry is not null;
}

/// <summary>
/// Checks a whole log form at once with the same rules as the step-by-step dialog: the customer must be exactly
/// one customer (never a guess), the kind one of the known words, the texts within <see cref="Interaction"/>'s
/// limits, the follow-up a readable date that <see cref="Interaction.Log"/> accepts. Fast enough to answer
/// inside Slack's 3 seconds: one customer search, no writes.
/// </summary>
public sealed class LogFormValidator(CustomerFinder finder, TimeProvider time)
{
    public async Task<LogFormDecision> ValidateAsync(User user, LogFormInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(input);
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!NeedToKnowPolicy.MayLogInteractions(user) || !NeedToKnowPolicy.MayLookUpCustomers(user))
        {
            errors[LogForm.Customer] = "Only reps, support agents and managers log customer interactions.";
            return new LogFormDecision(null, errors);
        }

        var customer = await CustomerAsync(input.Customer, user.Locale, errors, cancellationToken);
        var kind = AnswerParsers.Kind(input.Kind);
        if (kind is null)
            errors[LogForm.Kind] = "Choose one of: call, visit, meeting, email or chat.";
        var summary = input.Summary?.Trim() ?? string.Empty;
        if (summary.Length == 0)
            errors[LogForm.Summary] = "The summary cannot be empty. What was the conversation about?";
        else if (summary.Length > Interaction.MaxSummaryLength)
            errors[LogForm.Summary] = $"The summary is {summary.Length:N0} characters long; the limit is {Interaction.MaxSummaryLength:N0}.";
        var outcome = AnswerParsers.MeansNothing(input.Outcome) ? null : input.Outcome!.Trim();
        if (outcome is { Length: > Interaction.MaxOutcomeLength })
            errors[LogForm.Outcome] = $"The outcome is {outcome.Length:N0} characters long; the limit is {Interaction.MaxOutcomeLength:N0}.";

        var now = time.GetUtcNow();
        var zone = user.ResolveTimeZone();
        DateOnly? followUp = null;
        if (!AnswerParsers.MeansNothing(input.FollowUp))
        {
            var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);
            followUp = AnswerParsers.Date(input.FollowUp, today);
            if (followUp is null)
                errors[LogForm.FollowUp] = "I couldn't read that date. Type it as 2026-12-01 or 01/12/2026, \"tomorrow\" or \"in 3 days\"; leave it empty for no follow-up.";
        }
        if (errors.Count > 0)
            return new LogFormDecision(null, errors);

        try
        {
            // The domain has the last word; with the texts checked above, only the follow-up date can still be refused.
            Interaction.Log(customer!.Id, user.Id, now, now, InteractionChannel.Slack, kind!.Value, summary, outcome, followUp, zone);
        }
        catch (DomainRuleException problem)
        {
            errors[LogForm.FollowUp] = problem.Message;
            return new LogFormDecision(null, errors);
        }
        return new LogFormDecision(new LogFormEntry(customer.Id, kind.Value, summary, outcome, followUp), errors);
    }

    private async Task<Customer?> CustomerAsync(string? text, string? locale, Dictionary<string, string> errors, CancellationToken cancellationToken)
    {
        if (Guid.TryParse(text, out var id))
        {
            var chosen = await finder.GetAsync(new CustomerId(id), cancellationToken);
            if (chosen is null)
                errors[LogForm.Customer] = "That customer no longer exists. Search again by name, company, e-mail or phone.";
            return chosen;
        }
        if (string.IsNullOrWhiteSpace(text))
        {
            errors[LogForm.Customer] = "Which customer? A name, company, e-mail or phone number.";
            return null;
        }
        switch (await finder.FindAsync(text, locale, cancellationToken))
        {
            case CustomerSearchResult.Found found:
                return found.Customer;
            case CustomerSearchResult.Ambiguous ambiguous:
                var names = string.Join("; ", ambiguous.Candidates.Take(3).Select(c => c.Customer.Company is { } company ? $"{c.Customer.DisplayName} ({company})" : c.Customer.DisplayName));
                errors[LogForm.Customer] = $"Several customers match: {names}{(ambiguous.Candidates.Count > 3 || ambiguous.MoreExist ? "…" : string.Empty)}. Add the e-mail, phone or company to pick one.";
                return null;
            case CustomerSearchResult.Invalid invalid:
                errors[LogForm.Customer] = invalid.Problem;
                return null;
            default:
                errors[LogForm.Customer] = "No customer matches that. Try the e-mail, phone number, or part of the name or company.";
                return null;
        }
    }
}
