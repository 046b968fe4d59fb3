using ChatCrm.Bot.Conversations;
using ChatCrm.Bot.Conversations.Access;
using ChatCrm.Bot.Conversations.Commands;
using ChatCrm.Bot.Conversations.Customers;
using ChatCrm.Bot.Conversations.Directory;
using ChatCrm.Bot.Conversations.State;
using ChatCrm.Domain.Access;
using ChatCrm.Domain.Auditing;
using ChatCrm.Domain.Customers;
using ChatCrm.Domain.Users;
using ChatCrm.Infrastructure.Customers.HandOver;
using ChatCrm.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ChatCrm.Bot.Features.HandOver;

/// <summary>
/// "reassign &lt;customer&gt; to &lt;person&gt;" and "reassign all from &lt;person&gt; to &lt;person&gt;" (Spanish "reasignar
/// … a …", "reasignar todos de … a …"): checks who may hand what to whom (<see cref="HandOverPolicy"/>) and shows
/// a confirmation with the count; nothing changes until Confirm is pressed (<see cref="HandOverConfirmAction"/>).
/// </summary>
public sealed class ReassignCommand(CustomerResolver resolver, CustomerAccess access, AdminUserFinder users, CustomerHandOver handOver,
    IOptions<HandOverOptions> options, CrmDbContext db, AuditTrail audit) : IChatCommand
{
    public static CommandSpec Spec { get; } = new("reassign", ["reassign", "hand over"], ["reasignar", "traspasar"]);

    public async Task<DialogState?> RunAsync(TurnContext context, string? argument, DialogState? state)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.User.Role is not (UserRole.Manager or UserRole.Admin))
        {
            audit.Record(context, AuditAction.AccessDenied, "reassign");
            context.Say("Handing customers over is for managers and admins; ask your manager.",
                "Traspasar clientes es cosa de responsables y administradores; pídeselo a tu responsable.");
            return state.Settled();
        }
        if (ReassignRequest.Parse(argument) is not { } request)
        {
            context.Say("Write \"reassign <customer> to <person>\", or \"reassign all from <person> to <person>\" for a whole book.",
                "Escribe \"reasignar <cliente> a <persona>\", o \"reasignar todos de <persona> a <persona>\" para una cartera entera.");
            return state.Settled();
        }
        if (await OnePersonAsync(context, request.Heir) is not { } heir)
            return state.Settled();
        if (request.WholeBook)
        {
            await AskForBookAsync(context, request.Subject, heir);
            return state.Settled();
        }
        var (customer, choices) = await resolver.ResolveAsync(context, request.Subject, Spec.Verb);
        if (customer is not null)
            await AskForCustomerAsync(context, customer, heir);
        return ChoiceDialog.Await(Spec.Verb, choices, argument) ?? state.Settled();
    }

    private async Task AskForBookAsync(TurnContext context, string ownerText, User heir)
    {
        if (await OnePersonAsync(context, ownerText) is not { } owner)
            return;
        if ((HandOverPolicy.RefusalForBook(context.User, owner) ?? HandOverPolicy.RefusalToReceive(heir, owner.Id)) is { } refusal)
        {
            audit.Record(context, AuditAction.AccessDenied, $"reassign all from user {owner.Id}");
            context.Say($"I can't do that: {refusal.English}", $"No puedo hacerlo: {refusal.Spanish}");
            return;
        }
        var count = await handOver.CountBookAsync(owner.Id, context.CancellationToken);
        if (count == 0)
        {
            context.Say($"{owner.DisplayName} owns no customers, so there is nothing to hand over.", $"{owner.DisplayName} no tiene clientes, así que no hay nada que traspasar.");
            return;
        }
        context.Show(HandOverCards.ConfirmBook(owner, heir, count, options.Value.Rules, context.Language));
    }

    private async Task AskForCustomerAsync(TurnContext context, Customer customer, User heir)
    {
        if ((HandOverPolicy.RefusalForCustomer(context.User, await access.GrantAsync(context, customer))
            ?? HandOverPolicy.RefusalToReceive(heir, customer.OwnerId)) is { } refusal)
        {
            audit.Record(context, AuditAction.AccessDenied, customer.Id, CustomerField.Identity);
            context.Say($"I can't hand {customer.DisplayName} over: {refusal.English}", $"No puedo traspasar {customer.DisplayName}: {refusal.Spanish}");
            return;
        }
        var ownerName = customer.OwnerId is { } ownerId
            ? await db.Users.Where(u => u.Id == ownerId).Select(u => u.DisplayName).FirstOrDefaultAsync(context.CancellationToken)
            : null;
        audit.Record(context, AuditAction.ViewedCustomer, customer.Id, CustomerField.Identity);
        context.Show(HandOverCards.ConfirmCustomer(customer, ownerName, heir, options.Value.Rules, context.Language));
    }

    /// <summary>The one user <paramref name="text"/> names (name or work e-mail); otherwise says why not and returns null.</summary>
    private async Task<User?> OnePersonAsync(TurnContext context, string text)
    {
        var match = await users.FindAsync(text, context.CancellationToken);
        if (match.Only is { } user)
            return user;
        var cut = text.Length > 60 ? text[..60] + "…" : text;
        if (match.Users.Count == 0)
            context.Say($"No ChatCrm user matches \"{cut}\"; write their name or work e-mail.", $"Ningún usuario de ChatCrm coincide con \"{cut}\"; escribe su nombre o su correo de trabajo.");
        else
            context.Say($"\"{cut}\" could be {string.Join(" or ", match.Users.Select(Label))}: write the work e-mail.",
                $"\"{cut}\" puede ser {string.Join(" o ", match.Users.Select(Label))}: escribe el correo de trabajo.");
        return null;
    }

    private static string Label(User user) => user.Email is { } email ? $"{user.DisplayName} ({email})" : user.DisplayName;
}
