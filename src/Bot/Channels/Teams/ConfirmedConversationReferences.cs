using ChatCrm.Infrastructure.Persistence;
using Microsoft.Extensions.Caching.Memory;

namespace ChatCrm.Bot.Channels.Teams;

/// <summary>
/// The conversation references this instance has recently seen stored, usable and unchanged, so that a chat turn
/// arriving from the same address does not read the reference again. Only a shortcut: the database stays the record.
/// An entry lives at most <see cref="Lifetime"/>, so a reference retired by another instance is checked again (and
/// revived by the user's next message) within that time; a retirement by this instance forgets it at once.
/// Bounded to <see cref="Capacity"/> conversations; the least recently used go first.
/// </summary>
public sealed class ConfirmedConversationReferences : IDisposable
{
    public const int Capacity = 50_000;

    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    private readonly MemoryCache _confirmed;

    public ConfirmedConversationReferences(TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        _confirmed = new MemoryCache(new MemoryCacheOptions { SizeLimit = Capacity, Clock = new TimeProviderClock(time) });
    }

    public bool IsConfirmed(string conversationKey, ConversationAddress address) =>
        _confirmed.TryGetValue(conversationKey, out ConversationAddress? known) && known == address;

    public void Confirm(string conversationKey, ConversationAddress address) =>
        _confirmed.Set(conversationKey, address, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = Lifetime });

    public void Forget(string conversationKey) => _confirmed.Remove(conversationKey);

    public void Dispose() => _confirmed.Dispose();

#pragma warning disable CS0618 // ISystemClock is the clock MemoryCacheOptions still takes.
    private sealed class TimeProviderClock(TimeProvider time) : Microsoft.Extensions.Internal.ISystemClock
    {
        public DateTimeOffset UtcNow => time.GetUtcNow();
    }
#pragma warning restore CS0618
}
