using ChatCrm.Domain.Common;

namespace ChatCrm.Bot.Conversations;

/// <summary>
/// The refusals every way into ChatCrm gives in the same words: to someone not in the directory, to a deactivated user, and to a role
/// that does not log customer interactions (admins, privacy officers).
/// </summary>
public static class AccessRefusals
{
    public static LocalizedText NotInDirectory { get; } = new(
        "You don't have access to ChatCrm yet. Ask your ChatCrm administrator to add you; they will need your name and work e-mail.",
        "Todavía no tienes acceso a ChatCrm. Pide a tu administrador de ChatCrm que te dé de alta; necesitará tu nombre y tu e-mail de trabajo.");

    public static LocalizedText Deactivated { get; } = new(
        "Your ChatCrm access has ended: your account was deactivated and your customers handed to a colleague. If this is a mistake, ask your ChatCrm administrator.",
        "Tu acceso a ChatCrm ha terminado: tu cuenta se dio de baja y tus clientes pasaron a un compañero. Si es un error, habla con tu administrador de ChatCrm.");

    /// <summary>For a form field, to someone whose language ChatCrm cannot know yet: both languages.</summary>
    public static string NotInDirectoryInBothLanguages => $"{NotInDirectory.English} / {NotInDirectory.Spanish}";

    public static LocalizedText MayNotLog { get; } = new(
        "Only reps, support agents and managers log customer interactions.",
        "Solo los comerciales, los agentes de soporte y los responsables registran interacciones con clientes.");
}
