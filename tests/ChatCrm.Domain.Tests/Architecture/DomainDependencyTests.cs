using ChatCrm.Testing;
using System.Reflection;
using System.Xml.Linq;
using ChatCrm.Domain.Customers;

namespace ChatCrm.Domain.Tests.Architecture;

/// <summary>Dependencies point inwards: the domain knows nothing of EF Core, ASP.NET Core, hosting or chat channels.</summary>
public sealed class DomainDependencyTests
{
    private static readonly string[] ForbiddenPrefixes =
    [
        "Microsoft.EntityFrameworkCore",
        "Microsoft.AspNetCore",
        "Microsoft.Extensions.Hosting",
        "Microsoft.Bot",
        "Microsoft.Teams",
        "Slack",
        "Npgsql",
        "Microsoft.Data",
    ];

    private static readonly Assembly DomainAssembly = typeof(Customer).Assembly;

    [Fact]
    public void DomainAssembly_References_NoFrameworkOrChannelAssembly()
    {
        var offending = ReferenceClosure(DomainAssembly)
            .Where(IsForbidden)
            .ToList();

        Assert.True(offending.Count == 0, $"ChatCrm.Domain must not depend on: {string.Join(", ", offending)}");
    }

    [Fact]
    public void DomainAssembly_References_AreKnown()
    {
        // Guards the check above from passing vacuously: the references it walks are the real ones.
        var direct = DomainAssembly.GetReferencedAssemblies().Select(a => a.Name!).ToList();

        Assert.Contains("System.Runtime", direct);
        Assert.Contains("PhoneNumbers", direct);
    }

    [Theory]
    [InlineData("Microsoft.EntityFrameworkCore.Sqlite")]
    [InlineData("Microsoft.AspNetCore.Http")]
    [InlineData("Microsoft.Extensions.Hosting.Abstractions")]
    [InlineData("Microsoft.Bot.Builder")]
    [InlineData("SlackNet")]
    public void IsForbidden_FrameworkOrChannelName_ReturnsTrue(string name) =>
        Assert.True(IsForbidden(name));

    [Fact]
    public void DomainProject_HasNoForbiddenPackageOrFrameworkReference()
    {
        var project = XDocument.Load(Path.Combine(RepositoryRoot.Path, "src", "Domain", "ChatCrm.Domain.csproj"));
        var references = project.Descendants()
            .Where(e => e.Name.LocalName is "PackageReference" or "FrameworkReference")
            .Select(e => (string?)e.Attribute("Include") ?? (string?)e.Attribute("Update") ?? string.Empty)
            .ToList();

        Assert.NotEmpty(references);
        Assert.DoesNotContain(references, IsForbidden);
    }

    [Fact]
    public void DomainProject_ReferencesNoOtherProject()
    {
        var project = XDocument.Load(Path.Combine(RepositoryRoot.Path, "src", "Domain", "ChatCrm.Domain.csproj"));

        Assert.DoesNotContain(project.Descendants(), e => e.Name.LocalName == "ProjectReference");
    }

    private static bool IsForbidden(string name) =>
        ForbiddenPrefixes.Any(prefix => name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase));

    /// <summary>The domain's references and, through packages it uses, theirs (framework assemblies are not walked).</summary>
    private static SortedSet<string> ReferenceClosure(Assembly root)
    {
        var seen = new SortedSet<string>(StringComparer.Ordinal);
        var pending = new Queue<Assembly>([root]);
        while (pending.TryDequeue(out var assembly))
        {
            foreach (var reference in assembly.GetReferencedAssemblies())
            {
                if (reference.Name is null || !seen.Add(reference.Name) || IsPlatform(reference.Name))
                    continue;
                pending.Enqueue(Assembly.Load(reference));
            }
        }
        return seen;
    }

    private static bool IsPlatform(string name) =>
        name is "mscorlib" or "netstandard" || name.StartsWith("System", StringComparison.Ordinal);
}
