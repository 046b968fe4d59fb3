namespace ChatCrm.Bot.Hosting.KeyRing;

/// <summary>
/// The <c>DataProtection</c> section: how the Data Protection key ring is protected at rest. The keys live in the
/// application database (every instance shares them); they encrypt the Slack workspaces' tokens and sign export
/// links, so whoever reads a backup of an unprotected ring can decrypt the one and mint the other. With a certificate,
/// each key is stored encrypted to it (XML encryption) and only a process holding the private key can use the ring.
/// </summary>
public sealed class KeyRingOptions
{
    public const string SectionName = "DataProtection";

    /// <summary>The certificate that encrypts new keys (and decrypts them).</summary>
    public KeyRingCertificate? Certificate { get; set; }

    /// <summary>Certificates of earlier rotations: they only decrypt keys written while they were current.</summary>
    public IList<KeyRingCertificate> PreviousCertificates { get; } = [];

    /// <summary>
    /// Production refuses to start without a <see cref="Certificate"/> unless this says, explicitly, that keys may be
    /// stored unencrypted (say, because the database itself is encrypted and its backups are protected).
    /// </summary>
    public bool AllowUnprotectedKeys { get; set; }
}

/// <summary>A certificate with its private key: a PKCS#12 file (<see cref="Path"/> and <see cref="Password"/>), or one in the
/// current user's or the machine's personal store by <see cref="Thumbprint"/>.</summary>
public sealed class KeyRingCertificate
{
    public string? Path { get; set; }

    public string? Password { get; set; }

    public string? Thumbprint { get; set; }

    public bool IsGiven => !string.IsNullOrWhiteSpace(Path) || !string.IsNullOrWhiteSpace(Thumbprint);
}
