using ChatCrm.Infrastructure.UserDirectory;

namespace ChatCrm.Bot.Features.Directory;

public static class DirectoryFeature
{
    /// <summary>The directory's upkeep: the channel-neutral write services the <c>users</c> command (and admin chat, the API) use.</summary>
    public static IServiceCollection AddDirectory(this IServiceCollection services) => services.AddDirectoryServices();
}
