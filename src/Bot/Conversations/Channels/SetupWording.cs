using ChatCrm.Domain.Common;

namespace ChatCrm.Bot.Conversations.Channels;

/// <summary>The words of a setup fact: a setting set or not, a switch on or off.</summary>
public static class SetupWording
{
    public static LocalizedText Set(bool set) => set ? new("set", "configurado") : new("not set", "sin configurar");

    public static LocalizedText YesNo(bool yes) => yes ? new("yes", "sí") : new("no", "no");
}
