using ChatCrm.Domain.Common;

namespace ChatCrm.Bot.Conversations.Channels;

/// <summary>How one chat tool is wired, as the admin status card shows it: settings as set or not, never a secret.</summary>
public sealed record ChannelSetup(string Name, IReadOnlyList<ChannelSetupFact> Facts);

public sealed record ChannelSetupFact(LocalizedText Label, LocalizedText Value);

/// <summary>Each channel adapter reports its own wiring; the admin feature lists the reports in registration order.</summary>
public interface IChannelSetupReport
{
    Task<ChannelSetup> ReadAsync(CancellationToken cancellationToken);
}
