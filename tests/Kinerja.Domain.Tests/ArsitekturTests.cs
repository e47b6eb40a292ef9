using Kinerja.Domain.Organisasi;

namespace Kinerja.Domain.Tests;

/// <summary>The purity of the domain (architecture.md): the base library only.</summary>
public sealed class ArsitekturTests
{
    [Fact]
    public void AssemblyDomain_HanyaMereferensikanAssemblySystem()
    {
        var assembly = typeof(Nip).Assembly;

        // DateTime.Now/UtcNow are banned in the domain at build time (BannedApiAnalyzers, BannedSymbols.txt).
        var bukanSystem = assembly.GetReferencedAssemblies()
            .Select(a => a.Name!)
            .Where(n => n != "System" && !n.StartsWith("System.", StringComparison.Ordinal))
            .ToList();

        Assert.Equal("Kinerja.Domain", assembly.GetName().Name);
        Assert.Empty(bukanSystem);
    }
}
