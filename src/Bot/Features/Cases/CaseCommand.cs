using ChatCrm.Bot.Conversations;
using ChatCrm.Bot.Conversations.Commands;
using ChatCrm.Bot.Conversations.State;

namespace ChatCrm.Bot.Features.Cases;

/// <summary>"case &lt;number&gt;" shows one case; "case new &lt;customer&gt; | &lt;title&gt;" opens one.</summary>
public sealed class CaseCommand(CasesCommand cases, CaseWorkCommand caseWork) : IChatCommand
{
    public static CommandSpec Spec { get; } = new(CasesCommand.OpenVerb, ["case"], ["caso"]) { NamesCustomer = true };

    public async Task<DialogState?> RunAsync(TurnContext context, string? argument, DialogState? state)
    {
        if (CaseWorkCommand.LooksLikeNumber(argument))
        {
            await caseWork.ShowAsync(context, argument);
            return state;
        }
        return ChoiceDialog.Await(Spec.Verb, await cases.RunAsync(context, argument), argument) ?? state;
    }
}
