using ChatCrm.Bot.Tests.Support;
using ChatCrm.Domain.Auditing;
using ChatCrm.Domain.Consents;
using ChatCrm.Domain.Interactions;
using ChatCrm.Domain.Users;
using ChatCrm.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Bot.Tests.Features.Duplicates;

/// <summary>One customer split over two records: found as likely duplicates, merged into one view, explained and audited.</summary>
public sealed class MergeTranscriptTests : BotTestBase
{
    private static readonly TeamsUser Emily = new("29:emily", "e0000000-0000-4000-8000-000000000002", "Emily Carter");

    protected override async Task ArrangeAsync(CrmDbContext db)
    {
        var ana = await db.AddRepAsync(CrmData.Ana);
        await db.AddUserAsync(Emily, UserRole.SalesRep, "Sales North America");
        var maria = await db.AddCustomerAsync("María Núñez", "Acme Ibérica", email: "maria.nunez@acme.es", owner: ana);
        var twin = await db.AddCustomerAsync("Maria Nunes", "ACME Iberica", phone: "+34 600 123 456", owner: ana);
        await db.AddCustomerAsync("Marina Núñez", "Peñalara SL", owner: ana);
        db.Interactions.Add(Interaction.Log(maria.Id, ana.Id, CrmData.Now.AddDays(-20), CrmData.Now, InteractionChannel.Email, InteractionKind.Email,
            "Sent the brochure", null, null));
        db.Interactions.Add(Interaction.Log(twin.Id, ana.Id, CrmData.Now.AddDays(-2), CrmData.Now, InteractionChannel.Phone, InteractionKind.Call,
            "Called about the renewal", "Wants a quote", null));
        await db.AddOrderAsync(twin, "CRM-PRO", 9_000m);
        await db.GrantAsync(maria, ConsentPurpose.Marketing, ContactChannel.Email);
        db.ConsentRecords.Add(ConsentRecord.Withdraw(twin.Id, ConsentPurpose.Marketing, ContactChannel.Email, "told the rep", CrmData.Now.AddYears(-1)));
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task Duplicates_ThenMerge_OneRecordWithEverythingAndTheMoreRestrictiveConsent()
    {
        var chat = App.Chat(Connector, CrmData.Ana);

        var list = (await chat.SendAsync("duplicates maria.nunez@acme.es"))
            .ShouldSay("Possible duplicates of María Núñez", "Maria Nunes", "name differs by 1 letter(s), same company");
        Assert.DoesNotContain("Marina", list.Text, StringComparison.Ordinal);

        (await chat.PressAsync("Merge 1 into this record")).ShouldSay(
            "Merged into María Núñez", "Moved 1 handle(s): +34600123456", "Moved 1 interaction(s), 1 order(s) and 1 consent statement(s)",
            "marketing by e-mail: the records disagreed", "the more restrictive, wins, restated now");

        (await chat.SendAsync("last +34 600 123 456")).ShouldSay("Last conversation with María Núñez", "Called about the renewal", "Interactions in total: 2");
        var merged = await App.WithDatabaseAsync(db => db.Customers.SingleAsync(c => c.MergedIntoId != null));
        Assert.Equal("Maria Nunes", merged.DisplayName);
        Assert.Equal(1, await App.WithDatabaseAsync(db => db.CustomerMerges.CountAsync()));
        Assert.Equal(2, await App.WithDatabaseAsync(db => db.AuditEntries.CountAsync(a => a.Action == AuditAction.MergedInto)));
        Assert.DoesNotContain("Maria Nunes", (await chat.SendAsync("find nunes")).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Merge_RepWithoutTheFullViewOfBoth_IsRefusedAndNothingMoves()
    {
        var ana = App.Chat(Connector, CrmData.Ana);
        await ana.SendAsync("duplicates maria.nunez@acme.es");
        var card = ana.LastCard!;

        (await App.Chat(Connector, Emily, ana.ConversationId).PressOnAsync(card, "Merge 1 into this record")).ShouldSay("needs the full view of both");

        Assert.Equal(0, await App.WithDatabaseAsync(db => db.Customers.CountAsync(c => c.MergedIntoId != null)));
        Assert.Equal(0, await App.WithDatabaseAsync(db => db.CustomerMerges.CountAsync()));
    }
}
