using ChatCrm.Domain.Common;

namespace ChatCrm.Domain.Users;

/// <summary>What kind of account a chat tool says a person has.</summary>
public enum ChatMembership
{
    /// <summary>A full member of the workspace (not a guest, not a bot, not deactivated, not from another organisation).</summary>
    FullMember,

    /// <summary>A guest: Slack's multi-channel (<c>is_restricted</c>) or single-channel (<c>is_ultra_restricted</c>) guest.</summary>
    Guest,

    Bot,

    Deactivated,

    /// <summary>A person of another organisation met in a shared channel (Slack's <c>is_stranger</c>).</summary>
    External,
}

/// <summary>The check an account failed, so the audit can say which without naming the person.</summary>
public enum ChatAccountCheck
{
    Membership,
    NoWorkspaceAllowed,
    Workspace,
    NoEmail,
    NoEmailDomainAllowed,
    EmailDomain,
}

/// <summary>What a chat tool says about an unlinked account: its e-mail, kind, and the workspaces (or organisation) it belongs to.</summary>
public sealed record ChatAccountFacts(string? Email, ChatMembership Membership, IReadOnlyList<string> Workspaces);

/// <summary>Whether an account may be linked to a ChatCrm user by its e-mail; if not, which check failed and why.</summary>
public sealed record ChatAccountDecision(bool Allowed, ChatAccountCheck? Failed, string Reason)
{
    public static ChatAccountDecision Allow { get; } = new(true, null, "allowed");

    public static ChatAccountDecision Refuse(ChatAccountCheck check, string reason) => new(false, check, reason);
}

/// <summary>
/// Who may be linked to a ChatCrm user by the e-mail their chat tool reports (and so get that user's role): only a full
/// member of an allowed workspace whose e-mail is at an allowed company domain. Nothing allowed means nobody is linked
/// (fail closed): an admin can still link an account by hand.
/// </summary>
public static class ChatAccountRule
{
    /// <param name="account">What the chat tool says about the account.</param>
    /// <param name="allowedWorkspaces">The workspaces served; null when the tool has none to check (its accounts come from an allowed tenant).</param>
    /// <param name="allowedEmailDomains">The company's e-mail domains (exact, any case; a subdomain is another domain).</param>
    public static ChatAccountDecision Decide(ChatAccountFacts account, IReadOnlyCollection<string>? allowedWorkspaces, IReadOnlyCollection<string> allowedEmailDomains)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(allowedEmailDomains);
        if (account.Membership != ChatMembership.FullMember)
            return ChatAccountDecision.Refuse(ChatAccountCheck.Membership, $"not a full member ({account.Membership})");
        if (allowedWorkspaces is not null)
        {
            if (allowedWorkspaces.Count == 0)
                return ChatAccountDecision.Refuse(ChatAccountCheck.NoWorkspaceAllowed, "no workspace is allowed (Slack:AllowedWorkspaces is empty)");
            if (!account.Workspaces.Any(w => allowedWorkspaces.Contains(w, StringComparer.OrdinalIgnoreCase)))
                return ChatAccountDecision.Refuse(ChatAccountCheck.Workspace, $"workspace not allowed ({string.Join(", ", account.Workspaces.DefaultIfEmpty("none"))})");
        }
        if (DomainOf(account.Email) is not { } domain)
            return ChatAccountDecision.Refuse(ChatAccountCheck.NoEmail, "no e-mail shared");
        if (allowedEmailDomains.Count == 0)
            return ChatAccountDecision.Refuse(ChatAccountCheck.NoEmailDomainAllowed, "no e-mail domain is allowed (Directory:AllowedEmailDomains is empty)");
        if (!allowedEmailDomains.Contains(domain, StringComparer.OrdinalIgnoreCase))
            return ChatAccountDecision.Refuse(ChatAccountCheck.EmailDomain, "e-mail domain not allowed");
        return ChatAccountDecision.Allow;
    }

    /// <summary>The part after the one <c>@</c>, lower case; null when <paramref name="email"/> is no address.</summary>
    public static string? DomainOf(string? email)
    {
        var trimmed = email?.Trim();
        var at = trimmed?.IndexOf('@', StringComparison.Ordinal) ?? -1;
        if (trimmed is null || at <= 0 || at != trimmed.LastIndexOf('@') || at == trimmed.Length - 1)
            return null;
        return trimmed[(at + 1)..].ToLowerInvariant();
    }

    /// <summary>True for a plain domain name (<c>example.com</c>): letters, digits, hyphens and at least one dot; no <c>@</c>, no wildcard.</summary>
    public static bool IsValidDomain(string? domain) =>
        domain is { Length: > 3 and <= 253 } d && d.Contains('.', StringComparison.Ordinal) && !d.StartsWith('.') && !d.EndsWith('.')
        && d.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-');

    /// <summary>What the refused person is told: polite, without saying more about the checks than they need.</summary>
    public static LocalizedText Refusal(ChatAccountCheck check) => check == ChatAccountCheck.Membership
        ? new("ChatCrm is for the company's own staff, so guest, external and bot accounts can't use it. If you think this is a mistake, ask your ChatCrm administrator.",
            "ChatCrm es para el personal de la empresa, así que las cuentas de invitados, externas y de bots no pueden usarlo. Si crees que es un error, habla con tu administrador de ChatCrm.")
        : new("I can't connect this chat account to ChatCrm by itself: it is not in a workspace or under a company e-mail address that ChatCrm accepts. Ask your ChatCrm administrator to link your account.",
            "No puedo conectar esta cuenta de chat a ChatCrm por mi cuenta: no está en un espacio de trabajo ni con un e-mail de empresa que ChatCrm acepte. Pide a tu administrador de ChatCrm que vincule tu cuenta.");
}
