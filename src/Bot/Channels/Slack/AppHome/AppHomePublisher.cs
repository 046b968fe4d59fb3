using System.Globalization;
using System.Text.Json.Nodes;
using ChatCrm.Bot.Cards;
using ChatCrm.Bot.Channels.Slack.BlockKit;
using ChatCrm.Bot.Channels.Slack.WebApi;
using ChatCrm.Domain.Users;
using ChatCrm.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Bot.Channels.Slack.AppHome;

/// <summary>
/// The App Home tab, published whenever the user opens it: their follow-ups that are due (overdue first) and how to
/// search. A follow-up counts as open until a newer interaction with that customer is logged. Only customers the user
/// logged themselves appear, so the tab shows nothing need-to-know would hide.
/// </summary>
public sealed class AppHomePublisher(CrmDbContext db, SlackWebApiClient client, TimeProvider time)
{
    public const int MaxFollowUps = 20;
    public const string SearchVerb = "slack.search";

    public async Task PublishAsync(SlackWork work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        var key = $"{work.TeamId}:{work.UserId}";
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.SlackUserKey == key, cancellationToken);
        var card = user is null ? Stranger() : await ForUserAsync(user, cancellationToken);
        var view = new JsonObject { ["type"] = "home", ["blocks"] = BlockKitRenderer.Render(card, BlockSurface.Home) };
        await client.PublishHomeAsync(work.UserId, view, cancellationToken);
    }

    private async Task<Card> ForUserAsync(User user, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), user.ResolveTimeZone()).DateTime);
        var horizon = today.AddDays(7);
        var userId = user.Id;
        var due = await (
            from i in db.Interactions.AsNoTracking()
            join c in db.Customers.AsNoTracking() on i.CustomerId equals c.Id
            where i.LoggedBy == userId && i.FollowUpOn != null && i.FollowUpOn <= horizon && c.ErasedAt == null && c.MergedIntoId == null
                  && !db.Interactions.Any(n => n.CustomerId == i.CustomerId && n.OccurredAt > i.OccurredAt)
            orderby i.FollowUpOn
            select new { c.DisplayName, i.FollowUpOn })
            .Take(MaxFollowUps)
            .ToListAsync(cancellationToken);

        var body = new List<CardBlock> { new CardText("Search with `/crm find <name>`, or press Search. `/crm help` lists everything.", TextEmphasis.Subtle) };
        body.Add(new CardSection("Follow-ups due"));
        if (due.Count == 0)
            body.Add(new CardText("Nothing due in the next 7 days."));
        else
            body.Add(new CardFacts([.. due.Select(d => new CardFact(d.DisplayName, Due(d.FollowUpOn!.Value, today)))]));
        return new Card($"ChatCrm for {user.DisplayName}", body, [CardButton.For("Search customers", SearchVerb)]);
    }

    private static string Due(DateOnly date, DateOnly today)
    {
        var text = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return date < today ? $"{text} (overdue)" : date == today ? $"{text} (today)" : text;
    }

    private static Card Stranger() => new(
        "ChatCrm",
        [new CardText("You don't have access to ChatCrm yet. Ask your ChatCrm administrator to add you; they will need your name and work e-mail.")],
        []);
}
