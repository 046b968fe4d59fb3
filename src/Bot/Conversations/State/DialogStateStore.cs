using System.Text.Json;
using ChatCrm.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ChatCrm.Bot.Conversations.State;

/// <summary>
/// Loads and saves where a user's dialog stands in a conversation. The row's concurrency token makes a
/// second instance (or a second quick message) that advanced the same dialog fail instead of overwriting.
/// A dialog begun in a shared conversation (a group chat, a channel) belongs to the person, not the group: its
/// questions reach them privately (in Teams, in their personal chat), so it is kept in their private lane
/// (<see cref="PrivateLaneOf"/>), where their answers continue it, from the group or from their personal chat.
/// </summary>
public sealed class DialogStateStore(CrmDbContext db, TimeProvider time, IOptions<ConversationOptions> options)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Read on every turn, so compiled once: the person's dialog in <c>own</c> first, else the one in <c>lane</c>.</summary>
    private static readonly CompiledQueryPerModel<Func<CrmDbContext, string, string, string, CancellationToken, Task<DialogStateRecord?>>> Current =
        new(() => EF.CompileAsyncQuery((CrmDbContext db, string userKey, string own, string lane, CancellationToken _) =>
            db.DialogStates.Where(d => d.UserKey == userKey && (d.ConversationKey == own || d.ConversationKey == lane))
                .OrderBy(d => d.ConversationKey == own ? 0 : 1).FirstOrDefault()));

    private DialogStateRecord? _record;

    /// <summary>The dialog in progress, or null. A dialog idle for longer than the timeout is dropped and reported in <see cref="Expired"/>.</summary>
    public async Task<DialogState?> LoadAsync(IncomingTurn turn, CancellationToken cancellationToken)
    {
        // One read: in a personal chat its own dialog first, else one the person began in a group; in a group, their lane.
        var own = turn.IsShared ? PrivateLaneOf(turn) : turn.ConversationKey;
        var lane = PrivateLaneOf(turn);
        _record = await Current.For(db)(db, turn.UserKey, own, lane, cancellationToken);
        if (_record is null)
            return null;
        var state = Read(_record.StateJson);
        if (state is null || time.GetUtcNow() - _record.UpdatedAt > options.Value.DialogTimeout)
        {
            // An unreadable state (written by an incompatible version) is dropped like an abandoned one.
            Expired = state ?? new DialogState("earlier dialog", "unknown");
            return null;
        }
        return state;
    }

    /// <summary>The dialog that <see cref="LoadAsync"/> found abandoned, if any; staging a new state replaces it.</summary>
    public DialogState? Expired { get; private set; }

    /// <summary>Tells the person that the dialog <see cref="LoadAsync"/> found abandoned was dropped, if there was one.</summary>
    public void TellIfExpired(TurnContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (Expired is not { } expired)
            return;
        context.Say(
            $"Your unfinished \"{expired.Dialog}\"{(expired.CustomerName is { } name ? $" with {name}" : string.Empty)} was dropped (left too long, or from an older version); nothing from it was saved.",
            $"Tu \"{expired.Dialog}\" sin terminar{(expired.CustomerName is { } nombre ? $" con {nombre}" : string.Empty)} se descartó (se dejó demasiado tiempo, o era de una versión anterior); no se guardó nada de él.");
    }

    private static DialogState? Read(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<DialogState>(json, Json) is { Dialog.Length: > 0, Step.Length: > 0 } state ? state : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Where a person's dialogs begun in shared conversations are kept.</summary>
    public static string PrivateLaneOf(IncomingTurn turn)
    {
        ArgumentNullException.ThrowIfNull(turn);
        return $"private:{turn.UserKey}";
    }

    /// <summary>Stages the new state (null ends the dialog); the caller's SaveChanges writes it with everything else of the turn.</summary>
    public void Stage(IncomingTurn turn, DialogState? state)
    {
        if (state is null)
        {
            if (_record is not null)
                db.DialogStates.Remove(_record);
            _record = null;
            return;
        }

        var json = JsonSerializer.Serialize(state, Json);
        if (_record is null)
        {
            _record = new DialogStateRecord(turn.IsShared ? PrivateLaneOf(turn) : turn.ConversationKey, turn.UserKey, json, time.GetUtcNow());
            db.DialogStates.Add(_record);
        }
        else
        {
            _record.Replace(json, time.GetUtcNow());
        }
    }
}
