using System.Net;
using System.Text.Json.Nodes;
using ChatCrm.Bot.Tests.Support;
using ChatCrm.Domain.Auditing;
using ChatCrm.Domain.Customers;
using ChatCrm.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Bot.Tests.Conversations.NeedToKnow;

/// <summary>
/// Need-to-know on Slack's own surfaces: the App Home each person opens and a <c>/crm find</c>, rendered as Block Kit
/// and received by the fake Slack Web API, show only what the role may see and are audited with exactly that.
/// </summary>
public sealed class NeedToKnowOnSlackTests : SlackTestBase
{
    private CustomerId _customerId;

    protected override async Task ArrangeAsync(CrmDbContext db) => _customerId = (await NeedToKnowCast.ArrangeAsync(db)).Customer.Id;

    /// <summary>A page lists cases (as a case queue) and follow-ups (as overdue follow-ups): one entry per customer, of either action.</summary>
    [Fact]
    public Task AppHome_EveryRole_ShowsOnlyWhatTheRoleMaySeeAndAuditsExactlyThat() =>
        CheckEveryRoleAsync([AuditAction.ListedInCaseQueue, AuditAction.ListedInFollowUps], user => Client(user).EventAsync(new JsonObject
        {
            ["type"] = "app_home_opened", ["user"] = user.UserId, ["channel"] = "D0HOME", ["tab"] = "home",
        }));

    [Fact]
    public Task SlashFind_EveryRole_ShowsOnlyWhatTheRoleMaySeeAndAuditsExactlyThat() =>
        CheckEveryRoleAsync([AuditAction.ViewedCustomer], user => Client(user).CommandAsync($"find {MarkedCustomer.Name}"));

    private async Task CheckEveryRoleAsync(AuditAction[] actions, Func<SlackUser, Task<HttpResponseMessage>> askAsync)
    {
        var problems = new List<string>();
        foreach (var (role, user) in NeedToKnowCast.Roles)
        {
            var ((grant, actor), before) = await App.WithDatabaseAsync(async db => (
                await NeedToKnowCast.GrantAsync(db, user), await db.AuditEntries.Select(a => a.Id).ToListAsync()));
            var callsBefore = Slack.Calls.Count;

            using (var response = await askAsync(NeedToKnowCast.InSlack(user)))
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var shown = (await Slack.WaitForCallsAsync(callsBefore + 1)).Skip(callsBefore).Select(c => (JsonNode)c.Body).ToList();

            var entries = await App.WithDatabaseAsync(db => db.AuditEntries.Where(a => !before.Contains(a.Id) && a.CustomerId == _customerId).ToListAsync());
            problems.AddRange(NeedToKnowCast.Check(actions, null, MarkedCustomer.AppearingIn(shown), grant, entries, actor).Select(p => $"as {role}: {p}"));
        }

        Assert.Empty(Slack.Violations);
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }
}
