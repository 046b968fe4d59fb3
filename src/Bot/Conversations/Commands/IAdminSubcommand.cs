namespace ChatCrm.Bot.Conversations.Commands;

/// <summary>
/// A sub-command of "admin" that a feature other than the admin's own brings ("admin users", "admin user …"): the
/// admin command checks the role (refusing and auditing anyone else) and hands over the words after its own, so every
/// admin command is refused the same way while each capability keeps its commands in its own room.
/// Registered with <see cref="CommandServiceCollectionExtensions.AddAdminSubcommand{T}"/>.
/// </summary>
public interface IAdminSubcommand
{
    /// <summary>The words after "admin" that call it, English and Spanish, folded (lower case, no accents).</summary>
    IReadOnlyList<string> Words { get; }

    /// <summary>Runs for an admin; <paramref name="word"/> is the word that called it, <paramref name="rest"/> what follows.</summary>
    Task RunAsync(TurnContext context, string word, IReadOnlyList<string> rest);
}
