using System.ComponentModel.DataAnnotations;

namespace ChatCrm.Infrastructure.Mail;

/// <summary>How the connection to the SMTP server is secured.</summary>
public enum SmtpTlsMode
{
    /// <summary>TLS from the first byte (implicit TLS, usually port 465).</summary>
    Tls,

    /// <summary>Plain connection upgraded with STARTTLS, refused when the server does not offer it (usually port 587).</summary>
    StartTls,

    /// <summary>No encryption: only for a relay on the same machine or a test server.</summary>
    None,
}

/// <summary>The <c>Smtp</c> section: the operator's mail server for messages to customers (privacy centre links).</summary>
public sealed class SmtpOptions
{
    public const string SectionName = "Smtp";

    /// <summary>The server's host name; without it no e-mail is sent (and the privacy centre says links cannot be sent).</summary>
    public string? Host { get; set; }

    [Range(1, 65535)]
    public int Port { get; set; } = 587;

    public SmtpTlsMode TlsMode { get; set; } = SmtpTlsMode.StartTls;

    /// <summary>User name for SMTP authentication; none means the server takes mail without signing in.</summary>
    public string? UserName { get; set; }

    public string? Password { get; set; }

    /// <summary>The sender customers see, e.g. <c>privacy@example.com</c>.</summary>
    [EmailAddress]
    public string? FromAddress { get; set; }

    public string FromName { get; set; } = "ChatCrm";

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Host) && !string.IsNullOrWhiteSpace(FromAddress);
}
