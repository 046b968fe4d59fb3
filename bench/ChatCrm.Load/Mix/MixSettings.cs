namespace ChatCrm.Load.Mix;

/// <summary>How a mixed run was asked for on the command line.</summary>
public sealed record MixSettings(
    Uri Target,
    int Conversations,
    long? Turns,
    TimeSpan? Duration,
    int Warmup,
    string Weights,
    bool Peer,
    IReadOnlyList<string> Customers,
    bool SignTokens,
    string AppId,
    int FakesPort,
    string? SigningSecret,
    TimeSpan ReplyPatience,
    int? BotPid,
    string? StartBot,
    FileInfo? Json,
    int RandomSeed,
    FileInfo IssuerKey,
    bool Trace = false,
    Uri? Compare = null,
    int? ComparePid = null,
    double? Rate = null);
