using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace ChatCrm.Bot.Hosting.KeyRing;

/// <summary>
/// The key ring's certificates as configured (<see cref="KeyRingOptions"/>), loaded once: the one that encrypts, and
/// every one that may decrypt. A certificate that cannot be loaded, has no private key or is not RSA stops the start
/// with a message that names the setting, rather than a key ring nobody can read later.
/// </summary>
public sealed class KeyRingCertificates
{
    public KeyRingCertificates(KeyRingOptions settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        Current = settings.Certificate is { IsGiven: true } given ? Load(given, "DataProtection:Certificate") : null;
        var previous = settings.PreviousCertificates.Where(c => c.IsGiven)
            .Select((c, i) => Load(c, $"DataProtection:PreviousCertificates:{i}"));
        Decrypting = Current is null ? previous.ToList() : previous.Prepend(Current).ToList();
        AllowsUnprotectedKeys = settings.AllowUnprotectedKeys;
    }

    /// <summary>The certificate new keys are encrypted to; null when keys are stored unprotected.</summary>
    public X509Certificate2? Current { get; }

    /// <summary>Every certificate that may decrypt a stored key (the current one first).</summary>
    public IReadOnlyList<X509Certificate2> Decrypting { get; }

    public bool AllowsUnprotectedKeys { get; }

    /// <summary>How the keys are kept, for the admin's status card.</summary>
    public string Describe() => Current is { } certificate
        ? $"encrypted with certificate {certificate.Subject} (thumbprint {certificate.Thumbprint}, expires {certificate.NotAfter.ToUniversalTime():yyyy-MM-dd})"
            + (Decrypting.Count > 1 ? $"; {Decrypting.Count - 1} earlier certificate(s) still decrypt" : string.Empty)
        : "NOT encrypted" + (AllowsUnprotectedKeys ? " (DataProtection:AllowUnprotectedKeys is true)" : " (set DataProtection:Certificate)");

    private static X509Certificate2 Load(KeyRingCertificate source, string setting)
    {
        X509Certificate2 certificate;
        try
        {
            certificate = string.IsNullOrWhiteSpace(source.Thumbprint)
                ? X509CertificateLoader.LoadPkcs12FromFile(source.Path!, source.Password, X509KeyStorageFlags.EphemeralKeySet)
                : FromStore(source.Thumbprint.Replace(" ", string.Empty, StringComparison.Ordinal))
                    ?? throw new KeyRingSetupException($"{setting}:Thumbprint: no certificate {source.Thumbprint} in the current user's or the machine's personal store.");
        }
        catch (CryptographicException e)
        {
            throw new KeyRingSetupException($"{setting}: the certificate could not be read ({e.Message.TrimEnd('.')}); check Path and Password.");
        }
        catch (IOException e)
        {
            throw new KeyRingSetupException($"{setting}:Path: {e.Message}");
        }
        if (!certificate.HasPrivateKey || certificate.GetRSAPrivateKey() is null)
            throw new KeyRingSetupException($"{setting}: the certificate {certificate.Subject} has no RSA private key, so it could not decrypt the keys it protects.");
        return certificate;
    }

    private static X509Certificate2? FromStore(string thumbprint)
    {
        foreach (var location in new[] { StoreLocation.CurrentUser, StoreLocation.LocalMachine })
        {
            using var store = new X509Store(StoreName.My, location);
            try
            {
                store.Open(OpenFlags.ReadOnly | OpenFlags.OpenExistingOnly);
            }
            catch (CryptographicException)
            {
                continue; // no such store on this machine
            }
            var found = store.Certificates.Find(X509FindType.FindByThumbprint, thumbprint, validOnly: false);
            if (found.Count > 0)
                return found[0];
        }
        return null;
    }
}

/// <summary>The key ring's protection is misconfigured; the message names the setting to fix.</summary>
public sealed class KeyRingSetupException(string message) : Exception(message)
{
    /// <summary>The process's exit code when it stops for this (EX_CONFIG).</summary>
    public const int ExitCode = 78;
}
