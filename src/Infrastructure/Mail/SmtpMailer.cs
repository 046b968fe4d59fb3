using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace ChatCrm.Infrastructure.Mail;

/// <summary>One plain-text message to one person.</summary>
public sealed record MailMessage(string To, string Subject, string Body);

/// <summary>The message could not be handed to the SMTP server (unreachable, refused, failed authentication).</summary>
public sealed class MailNotSentException(string message, Exception inner) : Exception(message, inner);

/// <summary>Sends e-mail through the configured SMTP server with MailKit, one connection per message.</summary>
public sealed class SmtpMailer(IOptions<SmtpOptions> options)
{
    public bool IsConfigured => options.Value.IsConfigured;

    public async Task SendAsync(MailMessage message, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(message);
        var settings = options.Value;
        if (!settings.IsConfigured)
            throw new InvalidOperationException("No SMTP server is configured (Smtp:Host and Smtp:FromAddress).");

        using var mime = new MimeMessage();
        mime.From.Add(new MailboxAddress(settings.FromName, settings.FromAddress!));
        mime.To.Add(MailboxAddress.Parse(message.To));
        mime.Subject = message.Subject;
        mime.Body = new TextPart("plain") { Text = message.Body };

        try
        {
            await DeliverAsync(settings, mime, ct);
        }
        catch (Exception exception) when (exception is MailKit.ProtocolException or MailKit.CommandException or System.IO.IOException
            or System.Net.Sockets.SocketException or System.Security.Authentication.AuthenticationException)
        {
            throw new MailNotSentException("The SMTP server did not take the message.", exception);
        }
    }

    private static async Task DeliverAsync(SmtpOptions settings, MimeMessage mime, CancellationToken ct)
    {
        using var client = new SmtpClient();
        var security = settings.TlsMode switch
        {
            SmtpTlsMode.Tls => SecureSocketOptions.SslOnConnect,
            SmtpTlsMode.StartTls => SecureSocketOptions.StartTls,
            _ => SecureSocketOptions.None,
        };
        await client.ConnectAsync(settings.Host!, settings.Port, security, ct);
        if (!string.IsNullOrEmpty(settings.UserName))
            await client.AuthenticateAsync(settings.UserName, settings.Password ?? string.Empty, ct);
        await client.SendAsync(mime, ct);
        await client.DisconnectAsync(quit: true, ct);
    }
}
