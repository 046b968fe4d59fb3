using ChatCrm.Bot.Cards;
using ChatCrm.Bot.Conversations;
using ChatCrm.Bot.Conversations.Commands;
using ChatCrm.Bot.Conversations.Customers;
using ChatCrm.Bot.Conversations.Forms;
using ChatCrm.Domain.Access;
using ChatCrm.Domain.Common;
using ChatCrm.Domain.Customers;
using ChatCrm.Domain.Interactions;
using ChatCrm.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Bot.Features.Interactions;

/// <summary>
/// The log form as an <see cref="IChatForm"/>: <see cref="LogFormCards.Form"/> is its definition and
/// <see cref="LogFormValidator"/> its one check (customer resolved under need-to-know, as if typed); a valid submission
/// becomes the <see cref="LogForm.SubmitVerb"/> action that logs it. Where forms open by themselves (a Slack modal) it
/// answers "log [customer]" and "log form [customer]", and the shortcuts "Log an interaction" and "Log this message";
/// the latter fills in the message as the summary, a chat on the chat tool, and its author when they are a customer.
/// </summary>
public sealed class LogChatForm(LogFormValidator validator, CustomerFinder finder, CrmDbContext db, TimeProvider time) : IChatForm
{
    public const string FormName = "log";

    /// <summary>The shortcuts' ids, as the Slack manifest declares them.</summary>
    public const string GlobalShortcut = "log_interaction";
    public const string MessageShortcut = "log_message";

    public string Name => FormName;

    public string GeneralField => LogForm.Customer;

    /// <summary>Also opened by the customer card's "Log interaction" button, for the customer it names.</summary>
    public string? OpenVerb => LogForm.OpenVerb;

    /// <summary>The shortcuts that open the form, which the Slack manifest must declare exactly.</summary>
    public static IReadOnlyList<ChatShortcut> ShortcutsOffered { get; } = [new(GlobalShortcut, OnMessage: false), new(MessageShortcut, OnMessage: true)];

    public IReadOnlyList<ChatShortcut> Shortcuts => ShortcutsOffered;

    /// <summary>"log [customer]" and "log form [customer]": the form, with the customer as typed (resolved on submission).</summary>
    public IReadOnlyDictionary<string, string>? ArgumentsFor(ParsedCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (command.Verb != CustomerVerbs.Log)
            return null;
        var customer = LogForm.IsFormRequest(command.Argument, out var afterForm) ? afterForm : command.Argument;
        return string.IsNullOrWhiteSpace(customer)
            ? new Dictionary<string, string>(StringComparer.Ordinal)
            : new Dictionary<string, string>(StringComparer.Ordinal) { [LogForm.Customer] = customer.Trim() };
    }

    /// <summary>As the submission would refuse them (<see cref="LogFormValidator"/>): better said before the form is filled in.</summary>
    public string? RefusalFor(TurnContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return NeedToKnowPolicy.MayLogInteractions(context.User) && NeedToKnowPolicy.MayLookUpCustomers(context.User)
            ? null
            : AccessRefusals.MayNotLog.In(context.Language);
    }

    public async Task<ChatFormView?> OpenAsync(TurnContext context, IReadOnlyDictionary<string, string> arguments)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(arguments);
        if (RefusalFor(context) is not null)
            return null;
        var input = LogForm.Input(arguments);
        if (arguments.TryGetValue(ChatFormArguments.MessageText, out var message))
        {
            // A message shortcut: the message as a chat on this chat tool; its author as the customer when they are one.
            var customer = await CustomerHandleAsync(context, arguments.GetValueOrDefault(ChatFormArguments.MessageAuthor));
            input = input with
            {
                Customer = customer ?? input.Customer,
                Summary = message,
                Kind = nameof(InteractionKind.Chat),
                Channel = (context.Turn.Channel == ChatChannel.Slack ? InteractionChannel.Slack : InteractionChannel.Teams).ToString(),
            };
        }
        var today = Dates.Today(time.GetUtcNow(), context.User.ResolveTimeZone());
        // A button that names its customer: the form shows who, as the card form does, and carries the id to its submission.
        var chosen = arguments.TryGetValue(CustomerResolver.CustomerIdKey, out var raw) && Guid.TryParse(raw, out var id)
            ? await finder.GetAsync(new CustomerId(id), context.CancellationToken)
            : null;
        return new ChatFormView(LogFormCards.Form(context.Language, Guid.NewGuid(), today, chosen, input), chosen?.Id.Value.ToString())
        {
            Fallback = string.IsNullOrWhiteSpace(input.Customer) ? CustomerVerbs.Log : $"{CustomerVerbs.Log} {input.Customer}",
        };
    }

    public async Task<ChatFormOutcome> SubmitAsync(TurnContext context, IReadOnlyDictionary<string, string> values, string? state)
    {
        ArgumentNullException.ThrowIfNull(context);
        var input = LogForm.Input(values);
        if (Guid.TryParse(state, out var chosen))
            input = input with { Customer = chosen.ToString() }; // opened for a named customer: the form has no customer field
        var decision = await validator.ValidateAsync(context.User, input, context.CancellationToken);
        return decision.Entry is { } entry
            ? ChatFormOutcome.Act(LogForm.SubmitVerb, LogForm.ToValues(entry))
            : ChatFormOutcome.Invalid(decision.ErrorsIn(context.Language));
    }

    /// <summary>
    /// The author's chat handle when a customer has it, written as the handle (the validator resolves it with the usual
    /// need-to-know check on submission, so no name is shown before that); null otherwise.
    /// </summary>
    private async Task<string?> CustomerHandleAsync(TurnContext context, string? author)
    {
        var kind = context.Turn.Channel == ChatChannel.Slack ? IdentityKind.SlackUser : IdentityKind.TeamsUser;
        if (string.IsNullOrWhiteSpace(author))
            return null;
        string handle;
        try
        {
            handle = IdentityNormalizer.Normalize(kind, author);
        }
        catch (DomainRuleException)
        {
            return null;
        }
        var known = await db.CustomerIdentities.AnyAsync(i => i.Kind == kind && i.Value == handle, context.CancellationToken);
        return known ? handle : null;
    }
}
