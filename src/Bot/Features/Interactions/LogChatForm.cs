using ChatCrm.Bot.Conversations;
using ChatCrm.Bot.Conversations.Commands;
using ChatCrm.Bot.Conversations.Forms;

namespace ChatCrm.Bot.Features.Interactions;

/// <summary>
/// The log form as an <see cref="IChatForm"/>: <see cref="LogFormCards.Form"/> is its definition and
/// <see cref="LogFormValidator"/> its one check (customer resolved under need-to-know, as if typed); a valid submission
/// becomes the <see cref="LogForm.SubmitVerb"/> action that logs it.
/// </summary>
public sealed class LogChatForm(LogFormValidator validator, TimeProvider time) : IChatForm
{
    public const string FormName = "log";

    public string Name => FormName;

    public string GeneralField => LogForm.Customer;

    /// <summary>Opened by the channel itself ("log" opens its log modal at once), not by a button.</summary>
    public string? OpenVerb => null;

    public IReadOnlyDictionary<string, string>? ArgumentsFor(ParsedCommand command) => null;

    public Task<ChatFormView?> OpenAsync(TurnContext context, IReadOnlyDictionary<string, string> arguments)
    {
        ArgumentNullException.ThrowIfNull(context);
        var input = LogForm.Input(new CardAction(LogForm.OpenVerb, arguments));
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), context.User.ResolveTimeZone()).DateTime);
        return Task.FromResult<ChatFormView?>(new ChatFormView(LogFormCards.Form(context.Language, Guid.NewGuid(), today, values: input)));
    }

    public async Task<ChatFormOutcome> SubmitAsync(TurnContext context, IReadOnlyDictionary<string, string> values, string? state)
    {
        ArgumentNullException.ThrowIfNull(context);
        var decision = await validator.ValidateAsync(context.User, LogForm.Input(values), context.CancellationToken);
        return decision.Entry is { } entry
            ? ChatFormOutcome.Act(LogForm.SubmitVerb, LogForm.ToValues(entry))
            : ChatFormOutcome.Invalid(decision.ErrorsIn(context.Language));
    }
}
