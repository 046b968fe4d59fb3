using System.Diagnostics;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using ChatCrm.Bot.Hosting.KeyRing;
using ChatCrm.Bot.Tests.ScaleOut;
using ChatCrm.Bot.Tests.Support;
using ChatCrm.Testing;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChatCrm.Bot.Tests.Hosting;

/// <summary>
/// The Data Protection key ring at rest: with <c>DataProtection:Certificate</c> every key is stored encrypted to the
/// certificate (a database backup alone reveals nothing), another instance with the certificate reads what the first
/// protected while one without it cannot, an earlier certificate still decrypts after a rotation, Production refuses to
/// start unprotected unless told so explicitly, a broken certificate setting names itself, and admin status says which.
/// </summary>
public sealed class KeyRingProtectionTests : IAsyncLifetime
{
    private readonly SqliteTestDatabase _database = SqliteTestDatabase.MigratedFile();
    private readonly DirectoryInfo _files = System.IO.Directory.CreateTempSubdirectory("chatcrm-keyring-");

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await _database.DisposeAsync();
        _files.Delete(recursive: true);
    }

    [Fact]
    public async Task Certificate_KeysAreStoredEncrypted_AndOnlyAnInstanceWithTheCertificateReadsWhatWasProtected()
    {
        var certificate = WriteCertificate("ring-2026");
        string token;
        await using (var first = App(Certificate(certificate)))
        {
            token = Protector(first).Protect("xoxb-slack-token");
        }

        var keys = await KeysAsync();
        Assert.NotEmpty(keys);
        Assert.All(keys, xml =>
        {
            Assert.Contains("EncryptedXmlDecryptor", xml, StringComparison.Ordinal);
            Assert.DoesNotContain("<value>", xml, StringComparison.Ordinal); // an unprotected key holds its secret in <masterKey><value>
        });
        await using (var second = App(Certificate(certificate)))
            Assert.Equal("xoxb-slack-token", Protector(second).Unprotect(token));
        await using (var without = App(new Dictionary<string, string?>()))
            Assert.ThrowsAny<CryptographicException>(() => Protector(without).Unprotect(token));
    }

    [Fact]
    public async Task Rotation_ThePreviousCertificateStillDecryptsOldKeys()
    {
        var old = WriteCertificate("ring-old");
        var current = WriteCertificate("ring-new");
        string token;
        await using (var before = App(Certificate(old)))
            token = Protector(before).Protect("issued before the rotation");

        var rotated = Certificate(current);
        rotated["DataProtection:PreviousCertificates:0:Path"] = old.Path;
        rotated["DataProtection:PreviousCertificates:0:Password"] = old.Password;
        await using var after = App(rotated);

        Assert.Equal("issued before the rotation", Protector(after).Unprotect(token));
    }

    [Fact]
    public async Task Production_WithoutProtection_RefusesToStart_UnlessAllowedExplicitly()
    {
        await using (var refused = App(new Dictionary<string, string?> { ["DataProtection:AllowUnprotectedKeys"] = "false" }, "Production"))
        {
            var failure = Assert.ThrowsAny<Exception>(() => refused.CreateClient());
            Assert.Contains("must be encrypted at rest", failure.ToString(), StringComparison.Ordinal);
        }

        await using var allowed = App(new Dictionary<string, string?> { ["DataProtection:AllowUnprotectedKeys"] = "true" }, "Production");
        Assert.Equal(System.Net.HttpStatusCode.OK, (await allowed.CreateClient().GetAsync(new Uri("/healthz", UriKind.Relative))).StatusCode);
    }

    /// <summary>As an operator starts it: the bot's own process, which stops with one line naming the setting and exit code 78.</summary>
    [Fact]
    public async Task WrongPassword_StopsTheStartWithOneLineNamingTheSetting()
    {
        var certificate = WriteCertificate("ring-2026");
        var dll = BotAssembly.Locate();
        var start = new ProcessStartInfo("dotnet", [dll.FullName]) { WorkingDirectory = dll.DirectoryName! };
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("ASPNETCORE_", StringComparison.Ordinal) || k == "DOTNET_ENVIRONMENT").ToList())
            start.Environment.Remove(key);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Urls"] = "http://127.0.0.1:0";
        start.Environment["Database__Provider"] = "Sqlite";
        start.Environment["Database__ConnectionString"] = _database.ConnectionString;
        start.Environment["DataProtection__Certificate__Path"] = certificate.Path;
        start.Environment["DataProtection__Certificate__Password"] = "not the password";

        var (exitCode, output) = await ChildProcess.RunAsync(start);

        Assert.Equal(KeyRingSetupException.ExitCode, exitCode);
        Assert.Contains("ChatCrm cannot start: DataProtection:Certificate: the certificate could not be read", output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal); // no stack trace
    }

    [Fact]
    public async Task AdminStatus_SaysHowTheKeysAreKept()
    {
        var certificate = WriteCertificate("ring-2026");
        await using var connector = await FakeBotConnector.StartAsync();
        var settings = Certificate(certificate);
        settings["Directory:DemoEnrollUnknownUsersAs"] = "Admin";
        await using var app = App(settings);

        (await app.Chat(connector, CrmData.Ana).SendAsync("admin status")).ShouldSay("Keys at rest", "encrypted with certificate CN=ring-2026");
    }

    private ChatCrmApp App(Dictionary<string, string?> settings, string environment = "Development")
    {
        settings.TryAdd("DataProtection:AllowUnprotectedKeys", "false");
        return new ChatCrmApp(_database, settings, environment);
    }

    private static Dictionary<string, string?> Certificate((string Path, string Password) certificate) => new()
    {
        ["DataProtection:Certificate:Path"] = certificate.Path,
        ["DataProtection:Certificate:Password"] = certificate.Password,
    };

    private static IDataProtector Protector(ChatCrmApp app) =>
        app.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("ChatCrm.Tests.KeyRing");

    private async Task<List<string>> KeysAsync()
    {
        await using var db = _database.CreateContext();
        return await db.DataProtectionKeys.AsNoTracking().Select(k => k.Xml!).ToListAsync();
    }

    /// <summary>A self-signed RSA certificate with its private key, as an operator would export it: a PKCS#12 file and its password.</summary>
    private (string Path, string Password) WriteCertificate(string name)
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest($"CN={name}", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        var password = Guid.NewGuid().ToString("N");
        var path = Path.Combine(_files.FullName, name + ".pfx");
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pfx, password));
        return (path, password);
    }
}
