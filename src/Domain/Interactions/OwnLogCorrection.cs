using ChatCrm.Domain.Common;
using ChatCrm.Domain.Users;

namespace ChatCrm.Domain.Interactions;

/// <summary>
/// Who may amend or withdraw a logged interaction, and until when: only its author, only their last one, only while
/// it is current, and only within a window counted from when it was first logged (a correction does not restart it).
/// Past the window the record stands; a new interaction can say what changed.
/// </summary>
public static class OwnLogCorrection
{
    /// <summary>The window a company gets unless it sets another: a working day to notice a slip.</summary>
    public static readonly TimeSpan DefaultWindow = TimeSpan.FromHours(24);

    /// <summary>
    /// Why <paramref name="user"/> may not correct <paramref name="interaction"/> now, or null when they may.
    /// </summary>
    /// <param name="firstLoggedAt">When the first version was recorded (the interaction's own time unless it is a correction).</param>
    /// <param name="isTheirLast">Whether it is the newest current interaction the user logged.</param>
    public static LocalizedText? Refusal(User user, Interaction interaction, DateTimeOffset firstLoggedAt, bool isTheirLast,
        DateTimeOffset now, TimeSpan window)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(interaction);
        if (interaction.LoggedBy != user.Id)
            return new LocalizedText("only the person who logged an interaction can amend or withdraw it.",
                "solo quien registró una interacción puede corregirla o anularla.");
        if (interaction.State != InteractionState.Current)
            return interaction.State == InteractionState.Withdrawn
                ? new LocalizedText("that interaction was already withdrawn.", "esa interacción ya se anuló.")
                : new LocalizedText("that interaction was already amended; amend the newer version.", "esa interacción ya se corrigió; corrige la versión nueva.");
        if (!isTheirLast)
            return new LocalizedText("only your last logged interaction can be amended or withdrawn.",
                "solo se puede corregir o anular la última interacción que registraste.");
        if (now - firstLoggedAt > window)
            return new LocalizedText($"it was logged more than {Hours(window)} ago, so it stays as it is; log a new interaction to say what changed.",
                $"se registró hace más de {Horas(window)}, así que queda como está; registra una interacción nueva para indicar qué cambió.");
        return null;
    }

    private static string Hours(TimeSpan window) => window.TotalHours == 1 ? "1 hour" : $"{window.TotalHours:0.#} hours";

    private static string Horas(TimeSpan window) => window.TotalHours == 1 ? "1 hora" : $"{window.TotalHours:0.#} horas";
}
