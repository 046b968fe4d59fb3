using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ChatCrm.Bot.Tests.Support;
using ChatCrm.Domain.Access;
using ChatCrm.Domain.Auditing;

namespace ChatCrm.Bot.Tests.Conversations.NeedToKnow;

/// <summary>What a view needs to ask for the marked customer as one person.</summary>
/// <param name="ProfileCard">The profile card as its owner was shown it, for the others to refresh.</param>
public sealed record ViewRequest(ChatCrmApp App, FakeBotConnector Connector, TeamsUser User, Guid CustomerId, string CaseNumber, JsonObject ProfileCard);

/// <summary>
/// One way to see the customer, asked over HTTP as Teams asks it; it answers with everything the bot sent back (the
/// activities the fake connector received, or the invoke's HTTP answer), and says how it audits a view.
/// </summary>
/// <param name="Action">The audit action of a view.</param>
/// <param name="HandsOver">For a view that hands data over (an export link) rather than showing it: the parts its audit entry names.</param>
public sealed record CustomerView(string Name, AuditAction Action, Func<ViewRequest, Task<IReadOnlyList<JsonNode>>> AskAsync, CustomerField? HandsOver = null)
{
    public override string ToString() => Name;
}

/// <summary>Every card or view that bears the customer, in one list.</summary>
public static class CustomerViews
{
    /// <summary>The group chat the owner's profile card is shared in, and message-extension invokes come from.</summary>
    public const string SharedGroup = "19:shared-group@thread.v2";

    public static IReadOnlyList<CustomerView> All { get; } =
    [
        Typed("find", AuditAction.ViewedCustomer, $"find {MarkedCustomer.Name}"),
        Typed("last", AuditAction.ViewedLastConversation, $"last {MarkedCustomer.Name}"),
        Typed("history", AuditAction.ViewedCustomer, $"history {MarkedCustomer.Name}"),
        Typed("offers", AuditAction.ViewedOffers, $"offers {MarkedCustomer.Name}"),
        Typed("privacy", AuditAction.ViewedCustomer, $"privacy {MarkedCustomer.Name}"),
        Typed("duplicates", AuditAction.ViewedCustomer, $"duplicates {MarkedCustomer.Name}"),
        Typed("cases", AuditAction.ListedInCaseQueue, "cases"),
        Typed("kpis", AuditAction.ListedInKpis, "kpis"),
        Typed("open a case", AuditAction.OpenedCase, $"case new {MarkedCustomer.Name} | Second obsidian press fault"),
        new("case detail", AuditAction.ViewedCase, r => SendAsync(r, $"case {r.CaseNumber}")),
        new("export", AuditAction.ExportRequested, r => SendAsync(r, $"export {MarkedCustomer.Name}"), HandsOver: CustomerField.All),
        new("refresh", AuditAction.ViewedCustomer, RefreshAsync),
        new("message extension search", AuditAction.ViewedCustomer, r => InvokeAsync(r, "composeExtension/query", new JsonObject
        {
            ["commandId"] = "searchCustomers",
            ["parameters"] = new JsonArray(new JsonObject { ["name"] = "searchText", ["value"] = MarkedCustomer.Name }),
            ["queryOptions"] = new JsonObject { ["skip"] = 0, ["count"] = 25 },
        })),
        new("link unfurl", AuditAction.ViewedCustomer, r => InvokeAsync(r, "composeExtension/queryLink",
            new JsonObject { ["url"] = $"http://127.0.0.1:3978/customers/{r.CustomerId}" })),
    ];

    public static TheoryData<string> Names()
    {
        var names = new TheoryData<string>();
        foreach (var view in All)
            names.Add(view.Name);
        return names;
    }

    private static CustomerView Typed(string name, AuditAction action, string text) => new(name, action, r => SendAsync(r, text));

    private static async Task<IReadOnlyList<JsonNode>> SendAsync(ViewRequest request, string text)
    {
        var turn = await request.App.Chat(request.Connector, request.User).SendAsync(text);
        Assert.Equal(HttpStatusCode.OK, turn.Status);
        return [.. turn.Posted.Select(a => a.Json)];
    }

    /// <summary>The owner's profile card, shared in a group, refreshed for this reader (an automatic Action.Execute).</summary>
    private static async Task<IReadOnlyList<JsonNode>> RefreshAsync(ViewRequest request)
    {
        var chat = request.App.Chat(request.Connector, request.User, conversationId: SharedGroup, conversationType: "groupChat");
        var turn = await chat.RefreshAsync(request.ProfileCard);
        Assert.Equal(HttpStatusCode.OK, turn.Status);
        return [.. turn.Posted.Select(a => a.Json), chat.LastInvokeAnswer!];
    }

    private static async Task<IReadOnlyList<JsonNode>> InvokeAsync(ViewRequest request, string name, JsonObject value)
    {
        using var http = request.App.CreateClient();
        var invoke = TeamsActivities.Invoke(request.Connector.ServiceUrl, SharedGroup, request.User, name, value);
        using var response = await http.PostAsJsonAsync("/api/messages", invoke);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return [(await response.Content.ReadFromJsonAsync<JsonObject>())!];
    }
}
