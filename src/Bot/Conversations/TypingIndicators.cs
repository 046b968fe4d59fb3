using Microsoft.Extensions.Options;

namespace ChatCrm.Bot.Conversations;

/// <summary>Wraps a turn's responder so a turn that takes more than a moment shows "typing" first (<see cref="ConversationOptions.TypingIndicatorDelay"/>).</summary>
public sealed class TypingIndicators(IOptions<ConversationOptions> options, TimeProvider time)
{
    public TypingIndicatorResponder Around(ITurnResponder responder, CancellationToken cancellationToken) =>
        new(responder, options.Value.TypingIndicatorDelay, time, cancellationToken);
}
