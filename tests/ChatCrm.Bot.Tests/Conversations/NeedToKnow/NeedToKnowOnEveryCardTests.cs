using System.Text.Json.Nodes;
using ChatCrm.Bot.Tests.Support;
using ChatCrm.Domain.Access;
using ChatCrm.Domain.Auditing;
using ChatCrm.Domain.Users;
using ChatCrm.Infrastructure.Persistence;
using ChatCrm.Infrastructure.Tiers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChatCrm.Bot.Tests.Conversations.NeedToKnow;

/// <summary>
/// Need-to-know on every card: each view of the marked customer, asked by every role, shows no part the role may not
/// see (by <see cref="NeedToKnowPolicy"/>, not by what the cards happen to do), and its audit entry names exactly the
/// parts whose markers the bot sent, with the view's action and the person as actor.
/// </summary>
public sealed class NeedToKnowOnEveryCardTests : BotTestBase
{
    private Guid _customerId;
    private string _caseNumber = null!;

    protected override IDictionary<string, string?>? Settings => new Dictionary<string, string?>
    {
        ["Privacy:PublicBaseUrl"] = "https://chatcrm.example",
    };

    protected override async Task ArrangeAsync(CrmDbContext db)
    {
        var (customer, caseNumber) = await NeedToKnowCast.ArrangeAsync(db);
        (_customerId, _caseNumber) = (customer.Id.Value, caseNumber);
    }

    public static TheoryData<string> Views => CustomerViews.Names();

    [Theory]
    [MemberData(nameof(Views))]
    public async Task View_EveryRole_ShowsOnlyWhatTheRoleMaySeeAndAuditsExactlyThat(string viewName)
    {
        var view = CustomerViews.All.Single(v => v.Name == viewName);
        var profile = await ArrangeViewsAsync();

        var problems = new List<string>();
        foreach (var (role, user) in NeedToKnowCast.Roles)
        {
            var (appeared, grant, entries, actor) = await AskAsync(view, user, profile);
            problems.AddRange(NeedToKnowCast.Check([view.Action], view.HandsOver, appeared, grant, entries, actor).Select(p => $"{view.Name} as {role}: {p}"));
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    /// <summary>Guards the markers themselves: between them, the views show the owner every marked part.</summary>
    [Fact]
    public async Task AllViews_Owner_RevealEveryMarkedPart()
    {
        var profile = await ArrangeViewsAsync();

        var seen = CustomerField.None;
        foreach (var view in CustomerViews.All)
            seen |= (await AskAsync(view, NeedToKnowCast.Owner, profile)).Appeared;

        Assert.Equal(MarkedCustomer.Marked, seen);
    }

    private async Task<(CustomerField Appeared, AccessGrant Grant, IReadOnlyList<AuditEntry> Entries, UserId Actor)> AskAsync(
        CustomerView view, TeamsUser user, JsonObject profile)
    {
        var ((grant, actor), before) = await App.WithDatabaseAsync(async db => (
            await NeedToKnowCast.GrantAsync(db, user), await db.AuditEntries.Select(a => a.Id).ToListAsync()));

        var shown = await view.AskAsync(new ViewRequest(App, Connector, user, _customerId, _caseNumber, profile));

        var entries = await App.WithDatabaseAsync(db => db.AuditEntries
            .Where(a => !before.Contains(a.Id) && a.CustomerId == new Domain.Customers.CustomerId(_customerId)).ToListAsync());
        return (MarkedCustomer.AppearingIn(shown), grant, entries, actor);
    }

    /// <summary>Values the customer (so tiers and figures exist) and returns the profile card its owner was shown, for refreshes.</summary>
    private async Task<JsonObject> ArrangeViewsAsync()
    {
        await using (var scope = App.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<TierRecalculation>().RecalculateAsync(progress: null, CancellationToken.None);
        Connector.Members[CustomerViews.SharedGroup] = [.. NeedToKnowCast.Roles.Select(r => r.User)];
        var turn = await App.Chat(Connector, NeedToKnowCast.Owner, conversationId: CustomerViews.SharedGroup, conversationType: "groupChat").SendAsync($"find {MarkedCustomer.Name}");
        return turn.Messages.Last(m => m.Card is not null).Card!;
    }
}
