using Kinerja.Jobs.Pengiriman;

namespace Kinerja.Jobs.Tests;

public sealed class ArsitekturTests
{
    // architecture.md: jobs/ may reference domain, cards and Hangfire.Core — never the bot's internals or storage.
    [Fact]
    public void Jobs_HanyaMerujukDomainCardsDanHangfireCore()
    {
        var dirujuk = typeof(IPengirimanMassal).Assembly.GetReferencedAssemblies()
            .Select(a => a.Name!)
            .Where(n => !n.StartsWith("System", StringComparison.Ordinal) && n != "netstandard" && !n.StartsWith("Microsoft.Extensions.", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToArray();

        Assert.All(dirujuk, n => Assert.Contains(n, new[] { "Hangfire.Core", "Kinerja.Cards", "Kinerja.Domain" }));
    }
}
