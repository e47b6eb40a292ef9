namespace Kinerja.Testing;

/// <summary>Paths inside the repository, found from the test binaries (works in any clone, no ../shared).</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string DemoData => Path.Combine(Root, "bot", "DemoData", "kppn-metro");

    public static string Fixtures => Path.Combine(Root, "tests", "fixtures");

    public static string ExpectedRekap(string periode) => Path.Combine(Fixtures, "kppn-metro", $"expected-rekap-2026-{periode}.csv");

    public static string TestTools => Path.Combine(Root, "tests", "tools");

    public static string Playground => Path.Combine(Root, "manifest", "playground");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "KinerjaBot.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"KinerjaBot.sln not found above {AppContext.BaseDirectory}");
    }
}
