using ChatCrm.Bot.Tests.Support;
using ChatCrm.Domain.Digests;
using ChatCrm.Domain.Users;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Bot.Tests.Features.Digests;

/// <summary>A manager's daily Teams digest, chosen two days ago for five minutes before now in their zone: due at the next dispatch.</summary>
internal static class DigestDueNow
{
    public static Task SubscribeAsync(ChatCrmApp app, UserId managerId) =>
        app.WithDatabaseAsync(async db =>
        {
            var manager = await db.Users.SingleAsync(u => u.Id == managerId);
            var local = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, manager.ResolveTimeZone());
            var request = new DigestRequest(DigestCommandKind.Set, DigestFrequency.Daily, null, TimeOnly.FromDateTime(local.DateTime).AddMinutes(-5), DigestChannel.Teams);
            db.DigestSubscriptions.Add(DigestSubscription.Choose(manager, request, DateTimeOffset.UtcNow.AddDays(-2)));
            await db.SaveChangesAsync();
        });
}
